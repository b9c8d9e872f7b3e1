// Uploading pictures as OpenGL textures (OpenGL 1.1 calls, which every context the runner opens has).
#include "GlTextures.h"

#include <GLFW/glfw3.h>

#include <cstdint>
#include <cstdio>

namespace buurtstem::platform {

GlTextures::~GlTextures() {
    for (const auto& [path, result] : loaded_) {
        if (!result) continue;
        const GLuint id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(result->id));
        glDeleteTextures(1, &id);
    }
}

Result<Texture> GlTextures::texture(const std::filesystem::path& file) {
    const std::string key = file.string();
    if (auto found = loaded_.find(key); found != loaded_.end()) return found->second;

    Result<Texture> result = [&]() -> Result<Texture> {
        Result<RgbaImage> image = readImage(file);
        if (!image) return image.error();
        GLuint id = 0;
        glGenTextures(1, &id);
        if (id == 0) return makeError(ErrorCode::InvalidInput, key + ": the GPU gave no texture");
        GLint previous = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
        glBindTexture(GL_TEXTURE_2D, id);
        // Linear both ways: the map is drawn smaller or larger than its pixels on every screen.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image->width, image->height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     image->pixels.data());
        const GLenum error = glGetError();
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
        if (error != GL_NO_ERROR) {
            glDeleteTextures(1, &id);
            return makeError(ErrorCode::InvalidInput, key + ": the GPU refused the picture (GL error " + std::to_string(error) + ")");
        }
        Texture texture;
        texture.id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
        texture.width = image->width;
        texture.height = image->height;
        return texture;
    }();
    if (!result)
        std::fprintf(stderr, "Buurtstem cannot show a picture: %s. Residents choose from the list instead.\n",
                     result.error().detail.c_str());
    return loaded_.emplace(key, std::move(result)).first->second;
}

}  // namespace buurtstem::platform
