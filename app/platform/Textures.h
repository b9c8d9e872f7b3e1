// Textures: pictures the screens draw (the neighbourhood map), decoded from PNG and handed to the
// GPU by the runner. Screens see only this interface, so headless tests run without a GPU.
#pragma once

#include "../core/Result.h"
#include "Runner.h"

#include <imgui.h>

#include <filesystem>

namespace buurtstem::platform {

struct Texture {
    ImTextureID id = nullptr;  // = nullptr // for ImDrawList::AddImage
    int width = 0;             // = 0 // the picture's pixels
    int height = 0;            // = 0
};

class TextureSource {
public:
    virtual ~TextureSource() = default;
    // The picture in `file` as a texture: read and uploaded on first use, then kept. A file that
    // failed is not tried again. Errors: MissingAsset (no such file), InvalidInput (not a picture
    // that can be read, or too large).
    virtual Result<Texture> texture(const std::filesystem::path& file) = 0;
};

inline constexpr int kMaxTextureSide = 4096;  // larger pictures are refused: they would not fit every GPU

// Reads a PNG (or another format stb_image knows) as RGBA pixels. Errors: MissingAsset (no such
// file), InvalidInput (unreadable, or wider or higher than kMaxTextureSide).
Result<RgbaImage> readImage(const std::filesystem::path& file);

}  // namespace buurtstem::platform
