// PNG writing for screenshots and reading for pictures, through Debian's stb_image and stb_image_write.
#include "Runner.h"
#include "Textures.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <memory>
#include <system_error>

namespace buurtstem::platform {

Result<void> writePng(const RgbaImage& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < static_cast<std::size_t>(image.width) * image.height * 4)
        return makeError(ErrorCode::InvalidInput, "empty image");
    if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.pixels.data(), image.width * 4))
        return makeError(ErrorCode::StorageFailure, "cannot write " + path);
    return {};
}

Result<RgbaImage> readImage(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return makeError(ErrorCode::MissingAsset, file.string() + ": no such file");
    int width = 0, height = 0, channels = 0;
    // Size first, so a damaged or hostile header cannot make us decode a giant picture.
    if (!stbi_info(file.c_str(), &width, &height, &channels))
        return makeError(ErrorCode::InvalidInput, file.string() + ": not a picture that can be read (" +
                                                      (stbi_failure_reason() ? stbi_failure_reason() : "unknown") + ")");
    if (width <= 0 || height <= 0 || width > kMaxTextureSide || height > kMaxTextureSide)
        return makeError(ErrorCode::InvalidInput, file.string() + ": " + std::to_string(width) + " x " +
                                                      std::to_string(height) + " pixels is too large");
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load(file.c_str(), &width, &height, &channels, 4), stbi_image_free);
    if (!pixels)
        return makeError(ErrorCode::InvalidInput, file.string() + ": cannot be decoded (" +
                                                      (stbi_failure_reason() ? stbi_failure_reason() : "unknown") + ")");
    RgbaImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 4);
    return image;
}

}  // namespace buurtstem::platform
