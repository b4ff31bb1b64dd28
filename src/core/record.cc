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

// One row per sub-event type, in enum order: its event type, its name in
// ACLED's codebook (or, under kOther, the CASE 2021 label itself) and the CASE
// 2021 label that stands for it (acled.txt's case lines must say the same).
struct AcledSubEventRow {
  AcledSubEventType sub;
  AcledEventType type;
  const char* name;
  const char* case_label;
};
constexpr AcledSubEventRow kAcledSubEventTypes[] = {
    {AcledSubEventType::kNone, AcledEventType::kNone, "", ""},
    {AcledSubEventType::kArmedClash, AcledEventType::kBattles, "Armed clash",
     "ARMED_CLASH"},
    {AcledSubEventType::kGovernmentRegainsTerritory, AcledEventType::kBattles,
     "Government regains territory", "GOV_REGAINS_TERIT"},
    {AcledSubEventType::kNonStateActorOvertakesTerritory,
     AcledEventType::kBattles, "Non-state actor overtakes territory",
     "NON_STATE_ACTOR_OVERTAKES_TER"},
    {AcledSubEventType::kChemicalWeapon,
     AcledEventType::kExplosionsRemoteViolence, "Chemical weapon", "CHEM_WEAP"},
    {AcledSubEventType::kAirDroneStrike,
     AcledEventType::kExplosionsRemoteViolence, "Air/drone strike",
     "AIR_STRIKE"},
    {AcledSubEventType::kSuicideBomb, AcledEventType::kExplosionsRemoteViolence,
     "Suicide bomb", "SUIC_BOMB"},
    {AcledSubEventType::kShellingArtilleryMissileAttack,
     AcledEventType::kExplosionsRemoteViolence,
     "Shelling/artillery/missile attack", "ART_MISS_ATTACK"},
    {AcledSubEventType::kRemoteExplosiveLandmineIed,
     AcledEventType::kExplosionsRemoteViolence, "Remote explosive/landmine/IED",
     "REM_EXPLOS"},
    {AcledSubEventType::kGrenade, AcledEventType::kExplosionsRemoteViolence,
     "Grenade", "GRENADE"},
    {AcledSubEventType::kSexualViolence,
     AcledEventType::kViolenceAgainstCivilians, "Sexual violence", "SEX_VIOL"},
    {AcledSubEventType::kAttack, AcledEventType::kViolenceAgainstCivilians,
     "Attack", "ATTACK"},
    {AcledSubEventType::kAbductionForcedDisappearance,
     AcledEventType::kViolenceAgainstCivilians,
     "Abduction/forced disappearance", "ABDUCT_DISSAP"},
    {AcledSubEventType::kPeacefulProtest, AcledEventType::kProtests,
     "Peaceful protest", "PEACE_PROTEST"},
    {AcledSubEventType::kProtestWithIntervention, AcledEventType::kProtests,
     "Protest with intervention", "PROTEST_WITH_INTER"},
    {AcledSubEventType::kExcessiveForceAgainstProtesters,
     AcledEventType::kProtests, "Excessive force against protesters",
     "FORCE_AGAINST_PROTEST"},
    {AcledSubEventType::kViolentDemonstration, AcledEventType::kRiots,
     "Violent demonstration", "VIOL_DEMONSTR"},
    {AcledSubEventType::kMobViolence, AcledEventType::kRiots, "Mob violence",
     "MOB_VIOL"},
    {AcledSubEventType::kAgreement, AcledEventType::kStrategicDevelopments,
     "Agreement", "AGREEMENT"},
    {AcledSubEventType::kArrests, AcledEventType::kStrategicDevelopments,
     "Arrests", "ARREST"},
    {AcledSubEventType::kChangeToGroupActivity,
     AcledEventType::kStrategicDevelopments, "Change to group/activity",
     "CHANGE_TO_GROUP_ACT"},
    {AcledSubEventType::kDisruptedWeaponsUse,
     AcledEventType::kStrategicDevelopments, "Disrupted weapons use",
     "DISR_WEAP"},
    {AcledSubEventType::kHeadquartersOrBaseEstablished,
     AcledEventType::kStrategicDevelopments, "Headquarters or base established",
     "HQ_ESTABLISHED"},
    {AcledSubEventType::kLootingPropertyDestruction,
     AcledEventType::kStrategicDevelopments, "Looting/property destruction",
     "PROPERTY_DISTRUCT"},
    {AcledSubEventType::kNonViolentTransferOfTerritory,
     AcledEventType::kStrategicDevelopments,
     "Non-violent transfer of territory", "NON_VIOL_TERRIT_TRANSFER"},
    {AcledSubEventType::kOtherStrategicDevelopment,
     AcledEventType::kStrategicDevelopments, "Other", "OTHER"},
    {AcledSubEventType::kNaturalDisaster, AcledEventType::kOther,
     "NATURAL_DISASTER", "NATURAL_DISASTER"},
    {AcledSubEventType::kManMadeDisaster, AcledEventType::kOther,
     "MAN_MADE_DISASTER", "MAN_MADE_DISASTER"},
    {AcledSubEventType::kDiplomatic, AcledEventType::kOther, "DIPLO", "DIPLO"},
    {AcledSubEventType::kAttribution, AcledEventType::kOther, "ATTRIB",
     "ATTRIB"},
    {AcledSubEventType::kOrganizedCrime, AcledEventType::kOther, "ORG_CRIME",
     "ORG_CRIME"},
};

constexpr bool RowsInEnumOrder() {
  size_t i = 0;
  for (const AcledSubEventRow& row : kAcledSubEventTypes) {
    if (static_cast<size_t>(row.sub) != i++) return false;
  }
  return i == static_cast<size_t>(AcledSubEventType::kOrganizedCrime) + 1;
}
static_assert(RowsInEnumOrder(), "one row per sub-event type, in enum order");

// The row of `s`.
const AcledSubEventRow& RowOf(AcledSubEventType s) {
  return kAcledSubEventTypes[static_cast<size_t>(s)];
}

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

const char* AcledSubEventTypeName(AcledSubEventType s) { return RowOf(s).name; }
std::optional<AcledSubEventType> ParseAcledSubEventType(std::string_view name) {
  for (const AcledSubEventRow& row : kAcledSubEventTypes) {
    if (name == row.name) return row.sub;
  }
  return std::nullopt;
}
AcledEventType AcledEventTypeOf(AcledSubEventType s) { return RowOf(s).type; }

const char* CaseLabelName(AcledSubEventType s) { return RowOf(s).case_label; }
std::optional<AcledSubEventType> ParseCaseLabel(std::string_view label) {
  for (const AcledSubEventRow& row : kAcledSubEventTypes) {
    if (label == row.case_label) return row.sub;
  }
  return std::nullopt;
}

std::string ActorCode::Code() const {
  std::string code;
  for (const std::string& s : prefix_sectors) code += s;
  code += country;
  for (const std::string& s : sectors) code += s;
  return code;
}

std::optional<AcledType> ParseAcledType(std::string_view event_type,
                                        std::string_view sub_event_type,
                                        std::string* problem) {
  const std::optional<AcledEventType> type = ParseAcledEventType(event_type);
  if (!type) {
    *problem = "\"" + std::string(event_type) +
               "\" is no ACLED event type (events/acled.txt)";
    return std::nullopt;
  }
  const std::optional<AcledSubEventType> sub =
      ParseAcledSubEventType(sub_event_type);
  if (!sub || AcledEventTypeOf(*sub) != *type) {
    *problem = "\"" + std::string(sub_event_type) +
               "\" is no sub-event type of \"" + std::string(event_type) +
               "\" (events/acled.txt)";
    return std::nullopt;
  }
  return AcledType{*type, *sub};
}

}  // namespace dateline
