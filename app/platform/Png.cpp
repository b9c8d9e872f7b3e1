// PNG writing for screenshots, through Debian's stb_image_write.
#include "Runner.h"

#include <stb_image_write.h>

namespace buurtstem::platform {

Result<void> writePng(const RgbaImage& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < static_cast<std::size_t>(image.width) * image.height * 4)
        return makeError(ErrorCode::InvalidInput, "empty image");
    if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.pixels.data(), image.width * 4))
        return makeError(ErrorCode::StorageFailure, "cannot write " + path);
    return {};
}

}  // namespace buurtstem::platform
