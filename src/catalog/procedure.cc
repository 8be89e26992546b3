#include "catalog/procedure.h"

#include <array>
#include <string>
#include <utility>

namespace motcua::catalog {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Level, 4> kLevels{{{Level::kProvince, "province"},
                                       {Level::kCommune, "commune"},
                                       {Level::kInterLevel, "inter-level"},
                                       {Level::kCentral, "central"}}};
constexpr NameTable<Channel, 3> kChannels{{{Channel::kInPerson, "in-person"},
                                           {Channel::kOnline, "online"},
                                           {Channel::kPostal, "postal"}}};
constexpr NameTable<OnlineLevel, 3> kOnlineLevels{{{OnlineLevel::kNone, "none"},
                                                   {OnlineLevel::kPartial, "partial"},
                                                   {OnlineLevel::kFull, "full"}}};
constexpr NameTable<SupplementMode, 2> kSupplementModes{
    {{SupplementMode::kExcludeWaiting, "exclude-waiting"}, {SupplementMode::kRestart, "restart"}}};
constexpr NameTable<FeeType, 2> kFeeTypes{{{FeeType::kFee, "fee"}, {FeeType::kCharge, "charge"}}};
constexpr NameTable<Requirement, 2> kRequirements{
    {{Requirement::kRequired, "required"}, {Requirement::kConditional, "conditional"}}};
constexpr NameTable<Confidence, 3> kConfidences{{{Confidence::kParsed, "parsed"},
                                                 {Confidence::kDoubtful, "doubtful"},
                                                 {Confidence::kUnparsed, "unparsed"}}};

template <typename E, std::size_t N>
std::string_view NameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
Result<E> Lookup(const NameTable<E, N>& table, std::string_view text, std::string_view what) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return Error::InvalidArgument("unknown " + std::string(what) + ": \"" + std::string(text) + "\"");
}

}  // namespace

std::string_view LevelName(Level level) { return NameOf(kLevels, level); }
std::string_view ChannelName(Channel channel) { return NameOf(kChannels, channel); }
std::string_view OnlineLevelName(OnlineLevel level) { return NameOf(kOnlineLevels, level); }
std::string_view SupplementModeName(SupplementMode mode) { return NameOf(kSupplementModes, mode); }
std::string_view FeeTypeName(FeeType type) { return NameOf(kFeeTypes, type); }
std::string_view RequirementName(Requirement r) { return NameOf(kRequirements, r); }
std::string_view ConfidenceName(Confidence c) { return NameOf(kConfidences, c); }

Result<Level> ParseLevel(std::string_view text) { return Lookup(kLevels, text, "level"); }
Result<Channel> ParseChannel(std::string_view text) { return Lookup(kChannels, text, "channel"); }
Result<OnlineLevel> ParseOnlineLevel(std::string_view text) {
  return Lookup(kOnlineLevels, text, "online service level");
}
Result<SupplementMode> ParseSupplementMode(std::string_view text) {
  return Lookup(kSupplementModes, text, "supplement mode");
}
Result<FeeType> ParseFeeType(std::string_view text) { return Lookup(kFeeTypes, text, "fee type"); }

const ChannelSpec* FindChannel(const Procedure& procedure, Channel channel) {
  for (const ChannelSpec& spec : procedure.channels) {
    if (spec.channel == channel) return &spec;
  }
  return nullptr;
}

}  // namespace motcua::catalog
