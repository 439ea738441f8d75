// Stop words of the keyword scan: the languages the exports come in, from the npm package
// stopwords-iso. The array is generated at build time (tools/stopwords/gen_stopwords.mjs,
// see CMakeLists.txt) into the build folder: lower-case, 4+ code points, sorted bytewise.
#pragma once

#include <cstddef>
#include <string_view>

namespace clout {

extern const std::string_view kStopWords[];
extern const size_t kStopWordCount;

}  // namespace clout
