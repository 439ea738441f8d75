// How the wasm builds read a file: the import worker (a dropped File mounted by WORKERFS),
// and the doctest suite and the CLI under Node (NODERAWFS). Installed at start-up with
// install_wasm_file_source(), after which io/byte_source.h's open_file_source uses it.
#pragma once

#include <memory>
#include <string>

#include "io/byte_source.h"

namespace clout {

// A file read through a read-ahead buffer (see file_source.cpp). One thread only.
// Throws InputError when the file cannot be opened.
std::unique_ptr<ByteSource> open_read_ahead_file_source(const std::string& path);

// Makes open_file_source open files with open_read_ahead_file_source.
void install_wasm_file_source();

}  // namespace clout
