// PLACEHOLDER: replaced by the gzip/tar reader (issue 5).
#include "io/container.h"
#include "util/error.h"
namespace clout {
std::unique_ptr<Container> open_tar(std::unique_ptr<ByteSource>, const std::string&, bool, ImportContext&) {
    throw InputError("tar archives are not supported yet");
}
}  // namespace clout
