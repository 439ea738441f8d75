// Code points of the few Fork Awesome icons the app uses (fonts-fork-awesome,
// Fork Awesome 1.2; the same code points as Font Awesome 4.7). The icon font is
// merged into the UI fonts, so an icon is just a UTF-8 string inside a label.
#pragma once

#define ICON_UPLOAD       "\xef\x82\x93"  // U+F093 upload
#define ICON_CLOUD_UPLOAD "\xef\x83\xae"  // U+F0EE cloud-upload
#define ICON_LOCK         "\xef\x80\xa3"  // U+F023 lock
#define ICON_SHIELD       "\xef\x84\xb2"  // U+F132 shield
#define ICON_FOLDER_OPEN  "\xef\x84\x95"  // U+F115 folder-open-o
#define ICON_FILE         "\xef\x80\x96"  // U+F016 file-o
#define ICON_FILE_ARCHIVE "\xef\x87\x86"  // U+F1C6 file-archive-o
#define ICON_CHECK        "\xef\x80\x8c"  // U+F00C check
#define ICON_INFO         "\xef\x81\x9a"  // U+F05A info-circle
#define ICON_WARNING      "\xef\x81\xb1"  // U+F071 exclamation-triangle
#define ICON_LINE_CHART   "\xef\x88\x81"  // U+F201 line-chart
// share: sharing, exports, history, privacy
#define ICON_DOWNLOAD     "\xef\x80\x99"  // U+F019 download
#define ICON_LINK         "\xef\x83\x81"  // U+F0C1 link
#define ICON_IMAGE        "\xef\x80\xbe"  // U+F03E picture-o
#define ICON_HISTORY      "\xef\x87\x9a"  // U+F1DA history
#define ICON_TRASH        "\xef\x87\xb8"  // U+F1F8 trash
#define ICON_ARROW_LEFT   "\xef\x81\xa0"  // U+F060 arrow-left
#define ICON_SHARE        "\xef\x87\xa0"  // U+F1E0 share-alt

namespace clout::web {
// Every icon above, for the font atlas (only these glyphs are rasterised).
inline constexpr unsigned short kIconCodepoints[] = {
    0xF093, 0xF0EE, 0xF023, 0xF132, 0xF115, 0xF016, 0xF1C6, 0xF00C, 0xF05A, 0xF071, 0xF201,
    0xF019, 0xF0C1, 0xF03E, 0xF1DA, 0xF1F8, 0xF060, 0xF1E0};  // share: the last seven
}  // namespace clout::web
