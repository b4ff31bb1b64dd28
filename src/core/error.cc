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

Error MakeError(std::string input, std::string message, int64_t line, int64_t offset) {
  Error e;
  e.input = std::move(input);
  e.message = std::move(message);
  e.line = line;
  e.offset = offset;
  return e;
}

}  // namespace dateline
