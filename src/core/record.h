// The coded record of one article: actors, events, places and dates, as the
// later stages produce them, the store keeps them and the CLI prints them
// (doc/record.md). Offsets are bytes into Article::body unless a field says
// otherwise; the output layer converts them to character offsets into the
// input. Plain value types.
#ifndef DATELINE_CORE_RECORD_H_
#define DATELINE_CORE_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/date.h"
#include "core/document.h"

namespace dateline {

// Closed vocabularies of the record. Each is named in one place (record.cc):
// *Name() gives the word that output formats, the store and dictionaries use,
// Parse*() reads it back (nullopt for any other word).

// How a sentence states an event: as a fact, or as possible, intended, due,
// required or depending on a condition.
enum class Modality {
  kAsserted,
  kPossible,
  kIntended,
  kFuture,
  kConditional,
  kObligation
};
const char* ModalityName(
    Modality m);  // "asserted", "possible", "intended", "future", ...
std::optional<Modality> ParseModality(std::string_view name);

// The PLOVER event categories (data/events/plover.txt), plus kOther for the
// public statements PLOVER does not code; kNone: no category (an incident with
// no CAMEO code).
enum class Plover {
  kNone,
  kAgree,
  kConsult,
  kSupport,
  kConcede,
  kCooperate,
  kAid,
  kRetreat,
  kInvestigate,
  kDemand,
  kDisapprove,
  kReject,
  kThreaten,
  kProtest,
  kSanction,
  kMobilize,
  kCoerce,
  kAssault,
  kFight,
  kOther,
};
const char* PloverName(Plover p);  // "AGREE", ..., "OTHER"; "" for kNone
std::optional<Plover> ParsePlover(std::string_view name);  // "" gives kNone

// How precisely a place is located: a point (a town, a site), a second-level
// division (admin2; only places the resolver makes up for one), a first-level
// region (admin1), or a whole country.
enum class PlacePrecision : uint8_t { kPoint, kAdmin2, kAdmin1, kCountry };
const char* PlacePrecisionName(
    PlacePrecision p);  // "point", "admin2", "admin1", "country"
std::optional<PlacePrecision> ParsePlacePrecision(std::string_view name);

// The six ACLED event types (data/events/acled.txt, which must list exactly
// these), plus kOther, Dateline's pseudo-type for the CASE 2021 labels outside
// ACLED's typology (disasters, diplomacy, attribution, crime); kNone: no type
// (not a conflict event).
enum class AcledEventType : uint8_t {
  kNone,
  kBattles,
  kExplosionsRemoteViolence,
  kViolenceAgainstCivilians,
  kProtests,
  kRiots,
  kStrategicDevelopments,
  kOther,
};
// "Battles", "Explosions/Remote violence", ..., "Other"; "" for kNone.
const char* AcledEventTypeName(AcledEventType t);
// "" gives kNone.
std::optional<AcledEventType> ParseAcledEventType(std::string_view name);

// ACLED's 25 sub-event types (data/events/acled.txt, which must list exactly
// these, each under its event type), plus the five of the pseudo-type kOther,
// named as the CASE 2021 labels they stand for; kNone: no sub-event type.
enum class AcledSubEventType : uint8_t {
  kNone,
  // Battles
  kArmedClash,
  kGovernmentRegainsTerritory,
  kNonStateActorOvertakesTerritory,
  // Explosions/Remote violence
  kChemicalWeapon,
  kAirDroneStrike,
  kSuicideBomb,
  kShellingArtilleryMissileAttack,
  kRemoteExplosiveLandmineIed,
  kGrenade,
  // Violence against civilians
  kSexualViolence,
  kAttack,
  kAbductionForcedDisappearance,
  // Protests
  kPeacefulProtest,
  kProtestWithIntervention,
  kExcessiveForceAgainstProtesters,
  // Riots
  kViolentDemonstration,
  kMobViolence,
  // Strategic developments
  kAgreement,
  kArrests,
  kChangeToGroupActivity,
  kDisruptedWeaponsUse,
  kHeadquartersOrBaseEstablished,
  kLootingPropertyDestruction,
  kNonViolentTransferOfTerritory,
  kOtherStrategicDevelopment,
  // Other (named as the CASE 2021 labels)
  kNaturalDisaster,
  kManMadeDisaster,
  kDiplomatic,
  kAttribution,
  kOrganizedCrime,
};
// "Armed clash", ..., "Other" (of Strategic developments), "NATURAL_DISASTER",
// ...; "" for kNone.
const char* AcledSubEventTypeName(AcledSubEventType s);
// "" gives kNone. Sub-event type names are unique across event types.
std::optional<AcledSubEventType> ParseAcledSubEventType(std::string_view name);
// The event type a sub-event type belongs to; kNone for kNone.
AcledEventType AcledEventTypeOf(AcledSubEventType s);
// The CASE 2021 shared task 2 label that stands for a sub-event type, one
// label per sub-event type ("ARMED_CLASH", ..., "OTHER" for Strategic
// developments' "Other", "NATURAL_DISASTER", ...); "" for kNone. The case
// lines of data/events/acled.txt must pair them the same way.
const char* CaseLabelName(AcledSubEventType s);
// "" gives kNone; labels are case-sensitive.
std::optional<AcledSubEventType> ParseCaseLabel(std::string_view label);

struct Span {
  size_t start = 0;
  size_t end = 0;
};

// A CAMEO-style actor: a country (ISO 3166-1 alpha-3, or an international code
// such as IGO, IMG, NGO) plus role sectors (GOV, MIL, REB, ...) and a sub-state
// region.
struct ActorCode {
  std::string country;  // "IRQ", "USA", "IMG", or empty when unknown
  std::vector<std::string> sectors;  // "GOV", "MIL", ...
  std::string region;                // "Kurdistan Region", or empty
  std::string
      organization;  // an organisation's own code, e.g. "KRG", "CJTF-OIR"
  // Sectors written before the country: a TABARI/PETRARCH agent coded "[NGO~]"
  // makes "MSF Arnor" NGOARN.
  std::vector<std::string> prefix_sectors;

  // CAMEO-style code: prefix sectors, country, sectors, e.g. "IRQGOV",
  // "USAMIL".
  std::string Code() const;
  bool empty() const {
    return country.empty() && sectors.empty() && prefix_sectors.empty() &&
           organization.empty();
  }
};

struct ActorMention {
  Span span;                               // the words that name the actor
  size_t first_token = 0, last_token = 0;  // token range [first, last)
  std::string text;                        // the words, as written
  ActorCode actor;
  std::vector<ActorCode>
      also;  // further actors the same words stand for (TABARI "[A/B]")
  std::string person;  // a person's name when one is given ("Reber Ahmed")
  std::vector<std::string>
      rules;  // dictionary entries that fired, "file:line id"
};

// A place found in the text and resolved against the gazetteer.
struct PlaceMention {
  Span span;  // in Article::body; an empty span marks a place from metadata
  std::string name;     // the gazetteer's name for it
  std::string country;  // ISO 3166-1 alpha-2
  std::string admin1;   // first-level region name or code, when known
  double lat = 0, lon = 0;
  PlacePrecision precision = PlacePrecision::kPoint;
  long geonameid = 0;  // 0 when not a GeoNames entry
  bool from_dateline = false;
};

// A date found in the text, resolved against the publication date where it can
// be.
struct DateMention {
  Span span;
  std::optional<PartialDate>
      value;                     // the resolved date, when it could be resolved
  std::string relative;          // e.g. "Thursday before publication" when not
  std::optional<int> year_hint;  // a year the text implies even when unresolved
  std::string text;              // the words, as written
};

struct AcledType {
  AcledEventType event_type =
      AcledEventType::kNone;  // kNone: no conflict event
  // Of event_type (AcledEventTypeOf(sub_event_type) == event_type); kNone
  // exactly when event_type is.
  AcledSubEventType sub_event_type = AcledSubEventType::kNone;
};

// The ACLED type that a data file names by an event type and one of its
// sub-event types. nullopt when either name is unknown or the sub-event type
// belongs to another event type; then *problem says which, for an error that
// names the file's line.
std::optional<AcledType> ParseAcledType(std::string_view event_type,
                                        std::string_view sub_event_type,
                                        std::string* problem);

struct Event {
  std::string cameo;       // CAMEO code, e.g. "040"
  std::string cameo_name;  // its codebook name, e.g. "Consult, not specified"
  Plover plover = Plover::kNone;
  AcledType acled;
  ActorMention source;
  ActorMention target;
  std::optional<DateMention>
      date;  // none: the publication date, if any, applies
  std::optional<PlaceMention> place;
  std::optional<int> fatalities;  // numbers as the sentence states them
  std::optional<int> injured;
  std::optional<int> arrested;
  std::optional<int> crowd_size;
  bool negated = false;
  Modality modality = Modality::kAsserted;
  Span evidence;        // the sentence
  size_t sentence = 0;  // its index in AnalyzedText::sentences
  std::string trigger;  // the verb phrase, as written
  size_t trigger_token =
      SIZE_MAX;  // index of its first word in AnalyzedText::tokens
                 // (SIZE_MAX: not coded from text)
  std::vector<std::string> rules;  // verb entry and coding rules that fired
};

// Everything the pipeline produced for one document: what the store keeps and
// the output layer prints.
struct CodedArticle {
  Document document;
  Article article;
  std::vector<ActorMention> actors;
  std::vector<PlaceMention> places;
  std::vector<DateMention> dates;
  std::vector<Event> events;
  size_t sentence_count = 0;  // sentences the body was split into
  // What the report is mainly about, as AcledClassifier decides it: the
  // sub-event type whose CASE 2021 label (CaseLabelName: "ARMED_CLASH",
  // "NATURAL_DISASTER", ...) the report gets; kNone: no label.
  AcledSubEventType event_label = AcledSubEventType::kNone;
  std::vector<std::string> warnings;  // non-fatal problems met on the way
};

}  // namespace dateline

#endif  // DATELINE_CORE_RECORD_H_
