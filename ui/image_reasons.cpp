#include "ui/image_reasons.h"

#include "ui/message_table.h"

#include <QCoreApplication>

namespace vitscope {
namespace {

const QList<MessagePattern> &reasons()
{
    static const QList<MessagePattern> table = [] {
        auto fixed = [](const char *english, const char *translated) { return fixedMessage(english, "ImageReasons", translated); };
        const auto pattern = patternMessage;
        // QT_TRANSLATE_NOOP marks the texts for lupdate; fixedMessage translates them.
        return QList<MessagePattern>{
            fixed("broken symbolic link", QT_TRANSLATE_NOOP("ImageReasons", "broken symbolic link")),
            fixed("file not found", QT_TRANSLATE_NOOP("ImageReasons", "file not found")),
            fixed("is a folder, not an image file", QT_TRANSLATE_NOOP("ImageReasons", "is a folder, not an image file")),
            fixed("not a regular file (a FIFO, device or socket)",
                  QT_TRANSLATE_NOOP("ImageReasons", "not a regular file (a FIFO, device or socket)")),
            fixed("read error", QT_TRANSLATE_NOOP("ImageReasons", "read error")),
            fixed("empty file (0 bytes)", QT_TRANSLATE_NOOP("ImageReasons", "empty file (0 bytes)")),
            fixed("not an image (a text file with an image extension)",
                  QT_TRANSLATE_NOOP("ImageReasons", "not an image (a text file with an image extension)")),
            fixed("not an image (unrecognised file contents)", QT_TRANSLATE_NOOP("ImageReasons", "not an image (unrecognised file contents)")),
            fixed("unsupported format (GIF): convert it to PNG or JPEG",
                  QT_TRANSLATE_NOOP("ImageReasons", "unsupported format (GIF): convert it to PNG or JPEG")),
            fixed("truncated or corrupt JPEG (no end-of-image marker)",
                  QT_TRANSLATE_NOOP("ImageReasons", "truncated or corrupt JPEG (no end-of-image marker)")),
            fixed("truncated or corrupt PNG (no IEND chunk)", QT_TRANSLATE_NOOP("ImageReasons", "truncated or corrupt PNG (no IEND chunk)")),
            fixed("unsupported pixel type (floating-point or signed samples)",
                  QT_TRANSLATE_NOOP("ImageReasons", "unsupported pixel type (floating-point or signed samples)")),
            fixed("16-bit converted to 8-bit", QT_TRANSLATE_NOOP("ImageReasons", "16-bit converted to 8-bit")),
            pattern("^cannot be read \\((.*)\\)$", [](const auto &m) { return QCoreApplication::translate("ImageReasons", "cannot be read (%1)").arg(m.captured(1)); }),
            pattern("^corrupt (\\w+) data \\((.*)\\)$",
                    [](const auto &m) { return QCoreApplication::translate("ImageReasons", "corrupt %1 data (%2)").arg(m.captured(1), m.captured(2)); }),
            pattern("^corrupt (\\w+) data: the decoder could not read it$", [](const auto &m) {
                return QCoreApplication::translate("ImageReasons", "corrupt %1 data: the decoder could not read it").arg(m.captured(1));
            }),
            pattern("^image is (\\d+)x(\\d+) \\(([\\d.]+) megapixels\\), over the (\\d+)-megapixel limit; refused before decoding$",
                    [](const auto &m) {
                        return QCoreApplication::translate("ImageReasons", "image is %1x%2 (%3 megapixels), over the %4-megapixel limit; refused before decoding")
                            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
                    }),
            pattern("^its TIFF tiles are (\\d+)x(\\d+) \\(([\\d.]+) megapixels\\), over the (\\d+)-megapixel limit; refused before decoding$",
                    [](const auto &m) {
                        return QCoreApplication::translate("ImageReasons", "its TIFF tiles are %1x%2 (%3 megapixels), over the %4-megapixel limit; refused before decoding")
                            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
                    }),
            fixed("the decoder could not read this tiled TIFF: convert it to PNG, or to a TIFF without tiles",
                  QT_TRANSLATE_NOOP("ImageReasons", "the decoder could not read this tiled TIFF: convert it to PNG, or to a TIFF without tiles")),
            pattern("^image is over the (\\d+)-megapixel limit$",
                    [](const auto &m) { return QCoreApplication::translate("ImageReasons", "image is over the %1-megapixel limit").arg(m.captured(1)); }),
            fixed("not an image: a file without an extension (vitscope reads JPEG, PNG, BMP, TIFF and WebP)",
                  QT_TRANSLATE_NOOP("ImageReasons", "not an image: a file without an extension (vitscope reads JPEG, PNG, BMP, TIFF and WebP)")),
            pattern("^not an image: a (\\S+) file \\(vitscope reads JPEG, PNG, BMP, TIFF and WebP\\)$", [](const auto &m) {
                return QCoreApplication::translate("ImageReasons", "not an image: a %1 file (vitscope reads JPEG, PNG, BMP, TIFF and WebP)").arg(m.captured(1));
            }),
            pattern("^the file is (\\d+) MB, larger than an image vitscope reads \\((\\d+) MB\\)$", [](const auto &m) {
                return QCoreApplication::translate("ImageReasons", "the file is %1 MB, larger than an image vitscope reads (%2 MB)").arg(m.captured(1), m.captured(2));
            }),
            pattern("^corrupt (\\w+) data: its header does not give the image's size$", [](const auto &m) {
                return QCoreApplication::translate("ImageReasons", "corrupt %1 data: its header does not give the image's size").arg(m.captured(1));
            }),
            pattern("^unsupported channel count (\\d+)$",
                    [](const auto &m) { return QCoreApplication::translate("ImageReasons", "unsupported channel count %1").arg(m.captured(1)); }),
        };
    }();
    return table;
}

} // namespace

QString imageReasonText(const QString &reason)
{
    return translateMessage(reasons(), reason);
}

} // namespace vitscope
