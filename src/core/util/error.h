// Errors and warnings shared by the whole pipeline.
//
// InputError: the input is bad (exit status 2 on the CLI). Its message names the
// problem only; the front end prefixes the file: "error: FILE: message".
// LimitError: a configured limit was hit (also bad input, exit status 2).
// Anything else escaping the pipeline is an internal error (exit status 1).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace clout {

// Error text is shown as ONE line (CLI stderr, the web page), and it often quotes the
// input (entry names, tokens): control characters become spaces, invalid UTF-8 becomes
// U+FFFD, and it is cut to at most 500 bytes (at a character boundary, with "...").
std::string one_line(std::string_view s);

class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& what) : std::runtime_error(one_line(what)) {}
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
