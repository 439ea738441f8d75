// PLACEHOLDER: replaced by the zip reader (issue 4).
#include "io/container.h"
#include "util/error.h"
namespace clout {
std::unique_ptr<Container> open_zip(std::unique_ptr<ByteSource>, const std::string&, ImportContext&) {
    throw InputError("zip archives are not supported yet");
}
}  // namespace clout
