// Errors and warnings shared by the whole pipeline.
//
// InputError: the input is bad (exit status 2 on the CLI). Its message names the
// problem only; the front end prefixes the file: "error: FILE: message".
// LimitError: a configured limit was hit (also bad input, exit status 2).
// Anything else escaping the pipeline is an internal error (exit status 1).
#pragma once

#include <stdexcept>
#include <string>

namespace clout {

class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& what) : std::runtime_error(what) {}
};

class LimitError : public InputError {
public:
    explicit LimitError(const std::string& what) : InputError(what) {}
};

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace clout
