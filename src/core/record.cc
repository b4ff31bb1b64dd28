#include "core/record.h"

#include <array>
#include <utility>

namespace dateline {

namespace {

constexpr std::array<std::pair<Modality, const char*>, 6> kModalities = {{
    {Modality::kAsserted, "asserted"},
    {Modality::kPossible, "possible"},
    {Modality::kIntended, "intended"},
    {Modality::kFuture, "future"},
    {Modality::kConditional, "conditional"},
    {Modality::kObligation, "obligation"},
}};

constexpr std::array<std::pair<PlacePrecision, const char*>, 4>
    kPlacePrecisions = {{
        {PlacePrecision::kPoint, "point"},
        {PlacePrecision::kAdmin2, "admin2"},
        {PlacePrecision::kAdmin1, "admin1"},
        {PlacePrecision::kCountry, "country"},
    }};

constexpr std::array<std::pair<Plover, const char*>, 20> kPlovers = {{
    {Plover::kNone, ""},
    {Plover::kAgree, "AGREE"},
    {Plover::kConsult, "CONSULT"},
    {Plover::kSupport, "SUPPORT"},
    {Plover::kConcede, "CONCEDE"},
    {Plover::kCooperate, "COOPERATE"},
    {Plover::kAid, "AID"},
    {Plover::kRetreat, "RETREAT"},
    {Plover::kInvestigate, "INVESTIGATE"},
    {Plover::kDemand, "DEMAND"},
    {Plover::kDisapprove, "DISAPPROVE"},
    {Plover::kReject, "REJECT"},
    {Plover::kThreaten, "THREATEN"},
    {Plover::kProtest, "PROTEST"},
    {Plover::kSanction, "SANCTION"},
    {Plover::kMobilize, "MOBILIZE"},
    {Plover::kCoerce, "COERCE"},
    {Plover::kAssault, "ASSAULT"},
    {Plover::kFight, "FIGHT"},
    {Plover::kOther, "OTHER"},
}};

constexpr std::array<std::pair<AcledEventType, const char*>, 8>
    kAcledEventTypes = {{
        {AcledEventType::kNone, ""},
        {AcledEventType::kBattles, "Battles"},
        {AcledEventType::kExplosionsRemoteViolence,
         "Explosions/Remote violence"},
        {AcledEventType::kViolenceAgainstCivilians,
         "Violence against civilians"},
        {AcledEventType::kProtests, "Protests"},
        {AcledEventType::kRiots, "Riots"},
        {AcledEventType::kStrategicDevelopments, "Strategic developments"},
        {AcledEventType::kOther, "Other"},
    }};

template <typename Enum, size_t N>
const char* NameIn(const std::array<std::pair<Enum, const char*>, N>& names,
                   Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> ParseIn(
    const std::array<std::pair<Enum, const char*>, N>& names,
    std::string_view word) {
  for (const auto& [v, name] : names) {
    if (word == name) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* ModalityName(Modality m) { return NameIn(kModalities, m); }
std::optional<Modality> ParseModality(std::string_view name) {
  return ParseIn(kModalities, name);
}
const char* PlacePrecisionName(PlacePrecision p) {
  return NameIn(kPlacePrecisions, p);
}
std::optional<PlacePrecision> ParsePlacePrecision(std::string_view name) {
  return ParseIn(kPlacePrecisions, name);
}
const char* PloverName(Plover p) { return NameIn(kPlovers, p); }
std::optional<Plover> ParsePlover(std::string_view name) {
  return ParseIn(kPlovers, name);
}

const char* AcledEventTypeName(AcledEventType t) {
  return NameIn(kAcledEventTypes, t);
}
std::optional<AcledEventType> ParseAcledEventType(std::string_view name) {
  return ParseIn(kAcledEventTypes, name);
}

std::string ActorCode::Code() const {
  std::string code;
  for (const std::string& s : prefix_sectors) code += s;
  code += country;
  for (const std::string& s : sectors) code += s;
  return code;
}

}  // namespace dateline
