// Code points of the few Fork Awesome icons the app uses (fonts-fork-awesome,
// Fork Awesome 1.2; the same code points as Font Awesome 4.7). The icon font is
// merged into the UI fonts, so an icon is just a UTF-8 string inside a label.
#pragma once

#define ICON_UPLOAD       "\xef\x82\x93"  // U+F093 upload
#define ICON_CLOUD_UPLOAD "\xef\x83\xae"  // U+F0EE cloud-upload
#define ICON_CLOUD_DOWNLOAD "\xef\x83\xad"  // U+F0ED cloud-download
#define ICON_LOCK         "\xef\x80\xa3"  // U+F023 lock
#define ICON_SHIELD       "\xef\x84\xb2"  // U+F132 shield
#define ICON_FOLDER_OPEN  "\xef\x84\x95"  // U+F115 folder-open-o
#define ICON_FILE         "\xef\x80\x96"  // U+F016 file-o
#define ICON_FILE_ARCHIVE "\xef\x87\x86"  // U+F1C6 file-archive-o
#define ICON_CHECK        "\xef\x80\x8c"  // U+F00C check
#define ICON_INFO         "\xef\x81\x9a"  // U+F05A info-circle
#define ICON_WARNING      "\xef\x81\xb1"  // U+F071 exclamation-triangle
#define ICON_LINE_CHART   "\xef\x88\x81"  // U+F201 line-chart
// Sharing, exports, history, privacy
#define ICON_DOWNLOAD     "\xef\x80\x99"  // U+F019 download
#define ICON_LINK         "\xef\x83\x81"  // U+F0C1 link
#define ICON_IMAGE        "\xef\x80\xbe"  // U+F03E picture-o
#define ICON_HISTORY      "\xef\x87\x9a"  // U+F1DA history
#define ICON_TRASH        "\xef\x87\xb8"  // U+F1F8 trash
#define ICON_ARROW_LEFT   "\xef\x81\xa0"  // U+F060 arrow-left
#define ICON_SHARE        "\xef\x87\xa0"  // U+F1E0 share-alt
#define ICON_PLUS         "\xef\x81\xa7"  // U+F067 plus
#define ICON_COPY         "\xef\x83\x85"  // U+F0C5 files-o (copy)
#define ICON_TIMES        "\xef\x80\x8d"  // U+F00D times
#define ICON_ARROW_UP     "\xef\x81\xa2"  // U+F062 arrow-up
#define ICON_ARROW_DOWN   "\xef\x81\xa3"  // U+F063 arrow-down
#define ICON_LIGHTBULB    "\xef\x83\xab"  // U+F0EB lightbulb-o
#define ICON_SLIDERS      "\xef\x87\x9e"  // U+F1DE sliders
#define ICON_HEART        "\xef\x80\x84"  // U+F004 heart
#define ICON_RETWEET      "\xef\x81\xb9"  // U+F079 retweet
#define ICON_COMMENT      "\xef\x83\xa5"  // U+F0E5 comment-o
#define ICON_USERS        "\xef\x83\x80"  // U+F0C0 users
#define ICON_TAG          "\xef\x80\xab"  // U+F02B tag
#define ICON_CALENDAR     "\xef\x81\xb3"  // U+F073 calendar
#define ICON_DATABASE     "\xef\x87\x80"  // U+F1C0 database
#define ICON_PIE_CHART    "\xef\x88\x80"  // U+F200 pie-chart
#define ICON_STAR         "\xef\x80\x85"  // U+F005 star
#define ICON_USER         "\xef\x80\x87"  // U+F007 user
// The audience ranking panel
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"  // U+F078 chevron-down
#define ICON_CHEVRON_RIGHT "\xef\x81\x94" // U+F054 chevron-right
#define ICON_TROPHY       "\xef\x82\x91"  // U+F091 trophy

namespace clout::web {
// Every icon above, for the font atlas (only these glyphs are rasterised).
inline constexpr unsigned short kIconCodepoints[] = {
    0xF093, 0xF0EE, 0xF023, 0xF132, 0xF115, 0xF016, 0xF1C6, 0xF00C, 0xF05A, 0xF071, 0xF201,
    0xF019, 0xF0C1, 0xF03E, 0xF1DA, 0xF1F8, 0xF060, 0xF1E0,
    0xF067, 0xF0C5, 0xF00D, 0xF062, 0xF063, 0xF0EB, 0xF1DE, 0xF004, 0xF079, 0xF0E5, 0xF0C0,
    0xF02B, 0xF073, 0xF1C0, 0xF200, 0xF005, 0xF007,
    0xF078, 0xF054, 0xF091};
}  // namespace clout::web
