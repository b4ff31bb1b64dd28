#include "core/error.h"

namespace dateline {

std::string Error::ToString() const {
  std::string out;
  if (!input.empty()) {
    out += input;
    if (line >= 0) out += ":" + std::to_string(line);
    if (offset >= 0) out += " (byte " + std::to_string(offset) + ")";
    out += ": ";
  }
  out += message;
  return out;
}

Error MakeError(std::string input, std::string message, int64_t line,
                int64_t offset) {
  Error e;
  e.input = std::move(input);
  e.message = std::move(message);
  e.line = line;
  e.offset = offset;
  return e;
}

Error MakeError(ErrorKind kind, std::string input, std::string message) {
  Error e = MakeError(std::move(input), std::move(message));
  e.kind = kind;
  return e;
}

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return "invalid input";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kIo:
      return "I/O";
    case ErrorKind::kCorrupt:
      return "corrupt";
    case ErrorKind::kBusy:
      return "busy";
  }
  return "unknown";
}

}  // namespace dateline
