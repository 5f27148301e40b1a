#include "shared/export/image_surface.h"

#include <jpeglib.h>
// After jpeglib.h, which it needs: the message codes (JWRN_JPEG_EOF).
#include <jerror.h>

#include <algorithm>
#include <bit>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>

namespace ducha::exporting {
namespace {

constexpr std::uint64_t kMaxPixels = 64ull * 1000 * 1000;

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool truncated;
};

[[noreturn]] void jpeg_error_exit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// Warnings stay off stderr. Stray bytes between markers are common in phone JPEGs and harmless;
// a file that ends early (an interrupted upload) is not a photo to print as evidence.
void jpeg_warning(j_common_ptr cinfo, int level) {
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) reinterpret_cast<JpegError*>(cinfo->err)->truncated = true;
}

enum class JpegStatus { ok, corrupt, too_large, no_memory };

// libjpeg reports errors by longjmp: this function holds only trivially destructible locals,
// so the jump skips no destructor. On success *out owns a new surface.
JpegStatus decode_jpeg_raw(const unsigned char* data, unsigned long size, int max_side, cairo_surface_t** out,
                           char* why) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cairo_surface_t* volatile surface = nullptr;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_error_exit;
    err.mgr.emit_message = jpeg_warning;
    err.message[0] = '\0';
    err.truncated = false;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        if (surface) cairo_surface_destroy(surface);
        std::snprintf(why, JMSG_LENGTH_MAX, "%s", err.message);
        return JpegStatus::corrupt;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    if (static_cast<std::uint64_t>(cinfo.image_width) * cinfo.image_height > kMaxPixels ||
        cinfo.image_width > 32767 || cinfo.image_height > 32767) {
        jpeg_destroy_decompress(&cinfo);
        return JpegStatus::too_large;
    }
    // libjpeg scales by M/8 while decoding (cheaper than decoding whole and shrinking).
    const unsigned long long long_side = std::max(cinfo.image_width, cinfo.image_height);
    if (max_side > 0 && long_side > static_cast<unsigned long long>(max_side)) {
        cinfo.scale_num = static_cast<unsigned>((8ull * static_cast<unsigned>(max_side) + long_side - 1) / long_side);
        cinfo.scale_denom = 8;
    }
    // Straight into cairo's RGB24 layout: 32-bit native-endian words 0xXXRRGGBB.
    cinfo.out_color_space = std::endian::native == std::endian::little ? JCS_EXT_BGRX : JCS_EXT_XRGB;
    jpeg_start_decompress(&cinfo);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(cinfo.output_width),
                                         static_cast<int>(cinfo.output_height));
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        jpeg_destroy_decompress(&cinfo);
        cairo_surface_destroy(surface);
        return JpegStatus::no_memory;
    }
    cairo_surface_flush(surface);
    unsigned char* pixels = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + static_cast<std::size_t>(cinfo.output_scanline) * static_cast<std::size_t>(stride);
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    if (err.truncated) {
        cairo_surface_destroy(surface);
        std::snprintf(why, JMSG_LENGTH_MAX, "%s", "the file ends before the image does");
        return JpegStatus::corrupt;
    }
    cairo_surface_mark_dirty(surface);
    *out = surface;
    return JpegStatus::ok;
}

Result<CairoSurfacePtr> decode_jpeg(std::string_view bytes, int max_side) {
    cairo_surface_t* raw = nullptr;
    char why[JMSG_LENGTH_MAX] = "";
    switch (decode_jpeg_raw(reinterpret_cast<const unsigned char*>(bytes.data()),
                            static_cast<unsigned long>(bytes.size()), max_side, &raw, why)) {
        case JpegStatus::ok: break;
        case JpegStatus::corrupt: return fail(Errc::malformed, Msg::jpeg_unreadable, why);
        case JpegStatus::too_large: return fail(Errc::too_large, Msg::jpeg_larger_than_64_megapixels);
        case JpegStatus::no_memory: return fail(Errc::internal, Msg::no_memory_for_jpeg_pixels);
    }
    CairoSurfacePtr surface(raw);
    // The original file rides along for the PDF backend; cairo frees the copy with the surface.
    auto* copy = new std::string(bytes);
    const cairo_status_t st = cairo_surface_set_mime_data(
        surface.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(copy->data()), copy->size(),
        [](void* p) { delete static_cast<std::string*>(p); }, copy);
    if (st != CAIRO_STATUS_SUCCESS) delete copy;  // the PDF then holds a re-encoding; still correct
    return surface;
}

struct PngReader {
    std::string_view bytes;
    std::size_t off = 0;
};

cairo_status_t read_png_chunk(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->bytes.size() - r->off < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->off, length);
    r->off += length;
    return CAIRO_STATUS_SUCCESS;
}

Result<CairoSurfacePtr> decode_png(std::string_view bytes) {
    // Width and height sit at bytes 16..23 of the IHDR chunk: refuse a bomb before inflating it.
    if (bytes.size() >= 24) {
        auto be32 = [&](std::size_t at) {
            std::uint32_t v = 0;
            for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
            return v;
        };
        if (static_cast<std::uint64_t>(be32(16)) * be32(20) > kMaxPixels)
            return fail(Errc::too_large, Msg::png_larger_than_64_megapixels);
    }
    PngReader reader{bytes};
    CairoSurfacePtr surface(cairo_image_surface_create_from_png_stream(read_png_chunk, &reader));
    if (const cairo_status_t st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
        return fail(Errc::malformed, Msg::png_unreadable, cairo_status_to_string(st));
    return surface;
}

}  // namespace

Result<CairoSurfacePtr> decode_image(std::string_view bytes, int max_side) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return decode_jpeg(bytes, max_side);
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return decode_png(bytes);
    if (bytes.empty()) return fail(Errc::malformed, Msg::no_image_data);
    return fail(Errc::malformed, Msg::neither_jpeg_nor_png);
}

}  // namespace ducha::exporting
