#pragma once
// Photos and signatures as cairo image surfaces for the PDF record.
#include <cairo.h>

#include <memory>
#include <string_view>

#include "shared/common/result.h"

namespace ducha::exporting {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;

// Decodes JPEG (libjpeg) or PNG (cairo) bytes; the type is read from the bytes, not a declared
// MIME type. A JPEG surface carries its original file as CAIRO_MIME_TYPE_JPEG, so a PDF embeds
// the evidence byte for byte instead of a re-encoding; its pixels, only a fallback then, are
// decoded smaller when `max_side` > 0 (long side at least `max_side`, in steps of 1/8) to spare
// memory on 12-megapixel photos. Errc::malformed for anything undecodable, Errc::too_large past
// 64 megapixels.
Result<CairoSurfacePtr> decode_image(std::string_view bytes, int max_side = 0);

}  // namespace ducha::exporting
