// GlTextures: the runner's TextureSource. Pictures become OpenGL textures in the runner's context;
// they are deleted with the runner, before the context goes.
#pragma once

#include "Textures.h"

#include <map>
#include <string>

namespace buurtstem::platform {

class GlTextures : public TextureSource {
public:
    GlTextures() = default;
    ~GlTextures() override;  // needs the GL context still current
    GlTextures(const GlTextures&) = delete;
    GlTextures& operator=(const GlTextures&) = delete;

    Result<Texture> texture(const std::filesystem::path& file) override;

private:
    std::map<std::string, Result<Texture>> loaded_;  // by path; failures too, so each is reported once
};

}  // namespace buurtstem::platform
