// png_compare: is a rendered screenshot close enough to its golden image? Used by
// tests/app/golden_screenshots.sh; on a mismatch it writes a picture of where they differ.
//
//   png_compare ACTUAL.png EXPECTED.png [DIFF.png]
//
// Exit 0: same size, and at most kMaxDifferentFraction of the pixels differ by more than
// kChannelTolerance levels in some channel. Exit 1: they differ; the diff image (default: next
// to ACTUAL, "-diff.png" instead of ".png") shows the differing pixels in magenta over a faded
// copy of ACTUAL. Exit 2: wrong arguments or an unreadable image.
//
// The tolerance lets anti-aliasing and small rasteriser differences between Mesa versions pass,
// while a moved button, a changed colour or a different text still fails.
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

constexpr int kChannelTolerance = 24;            // levels (of 255) a channel may differ by
// Renders on one Mesa and FreeType are identical; the margin is for another machine's hinting.
// 0.5 % let a whole new home tile through, 0.15 % still catches a changed word.
constexpr double kMaxDifferentFraction = 0.0015;  // share of pixels allowed beyond that (0.15 %)
constexpr int kChannels = 4;                     // compared as RGBA, whatever the files hold

struct Image {
    int width = 0;
    int height = 0;
    std::unique_ptr<std::uint8_t, void (*)(void*)> pixels{nullptr, stbi_image_free};
};

bool load(const char* path, Image& image) {
    int channelsInFile = 0;
    image.pixels.reset(stbi_load(path, &image.width, &image.height, &channelsInFile, kChannels));
    if (!image.pixels) {
        std::fprintf(stderr, "png_compare: cannot read %s: %s\n", path, stbi_failure_reason());
        return false;
    }
    return true;
}

std::string defaultDiffPath(const std::string& actual) {
    const std::string suffix = ".png";
    const bool hasSuffix = actual.size() > suffix.size() && actual.compare(actual.size() - suffix.size(), suffix.size(), suffix) == 0;
    return (hasSuffix ? actual.substr(0, actual.size() - suffix.size()) : actual) + "-diff.png";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: png_compare ACTUAL.png EXPECTED.png [DIFF.png]\n");
        return 2;
    }
    const char* actualPath = argv[1];
    const char* expectedPath = argv[2];
    const std::string diffPath = argc == 4 ? argv[3] : defaultDiffPath(actualPath);

    Image actual, expected;
    if (!load(actualPath, actual) || !load(expectedPath, expected)) return 2;
    if (actual.width != expected.width || actual.height != expected.height) {
        std::printf("%s is %dx%d, the golden %s is %dx%d\n", actualPath, actual.width, actual.height, expectedPath,
                    expected.width, expected.height);
        return 1;
    }

    const std::size_t pixelCount = static_cast<std::size_t>(actual.width) * actual.height;
    const std::uint8_t* a = actual.pixels.get();
    const std::uint8_t* e = expected.pixels.get();
    std::unique_ptr<std::uint8_t[]> diff(new std::uint8_t[pixelCount * kChannels]);
    std::size_t different = 0;
    int largest = 0;
    int minX = actual.width, minY = actual.height, maxX = -1, maxY = -1;
    for (std::size_t i = 0; i < pixelCount; ++i) {
        int worst = 0;
        for (int c = 0; c < kChannels; ++c) worst = std::max(worst, std::abs(a[i * kChannels + c] - e[i * kChannels + c]));
        largest = std::max(largest, worst);
        std::uint8_t* out = &diff[i * kChannels];
        if (worst > kChannelTolerance) {
            ++different;
            const int x = static_cast<int>(i % actual.width);
            const int y = static_cast<int>(i / actual.width);
            minX = std::min(minX, x);
            minY = std::min(minY, y);
            maxX = std::max(maxX, x);
            maxY = std::max(maxY, y);
            out[0] = 255;
            out[1] = 0;
            out[2] = 255;
        } else {
            // The actual image, faded to light grey, so the magenta stands out but the layout reads.
            const int grey = (a[i * kChannels] * 30 + a[i * kChannels + 1] * 59 + a[i * kChannels + 2] * 11) / 100;
            out[0] = out[1] = out[2] = static_cast<std::uint8_t>(160 + grey * 95 / 255);
        }
        out[3] = 255;
    }

    const double fraction = static_cast<double>(different) / static_cast<double>(pixelCount);
    if (fraction <= kMaxDifferentFraction) {
        std::printf("%s matches %s (%.3f %% of pixels beyond tolerance, largest channel difference %d)\n", actualPath,
                    expectedPath, 100.0 * fraction, largest);
        return 0;
    }
    std::printf("%s differs from %s: %.3f %% of pixels differ by more than %d levels (allowed: %.1f %%), "
                "in the area x %d..%d, y %d..%d\n",
                actualPath, expectedPath, 100.0 * fraction, kChannelTolerance, 100.0 * kMaxDifferentFraction, minX, maxX,
                minY, maxY);
    if (stbi_write_png(diffPath.c_str(), actual.width, actual.height, kChannels, diff.get(), actual.width * kChannels))
        std::printf("difference (magenta) written to %s\n", diffPath.c_str());
    else
        std::fprintf(stderr, "png_compare: cannot write %s\n", diffPath.c_str());
    return 1;
}
