#include "core/record.h"

namespace dateline {

std::string ActorCode::Code() const {
  std::string code;
  for (const std::string& s : prefix_sectors) code += s;
  code += country;
  for (const std::string& s : sectors) code += s;
  return code;
}

}  // namespace dateline
