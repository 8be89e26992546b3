// Stable names of the dossier's enumerations, as they appear in the API, storage and reports.
#include <array>
#include <utility>

#include "dossier/dossier.h"
#include "dossier/machine.h"

namespace motcua::dossier {
namespace {

template <typename E, std::size_t N>
std::optional<E> Lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view name) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "unknown";
}

constexpr std::array<std::pair<State, std::string_view>, 10> kStates{{
    {State::kSubmitted, "submitted"},
    {State::kReceived, "received"},
    {State::kRefused, "refused"},
    {State::kProcessing, "processing"},
    {State::kSupplement, "supplement"},
    {State::kFinancial, "financial"},
    {State::kWithdrawal, "withdrawal"},
    {State::kStopped, "stopped"},
    {State::kResolved, "resolved"},
    {State::kReturned, "returned"},
}};

// The national portal's labels (shared/DOMAIN.md).
constexpr std::array<std::pair<State, std::string_view>, 10> kStateLabels{{
    {State::kSubmitted, "Mới đăng ký"},
    {State::kReceived, "Được tiếp nhận"},
    {State::kRefused, "Không được tiếp nhận"},
    {State::kProcessing, "Đang xử lý"},
    {State::kSupplement, "Yêu cầu bổ sung giấy tờ"},
    {State::kFinancial, "Yêu cầu thực hiện nghĩa vụ tài chính"},
    {State::kWithdrawal, "Công dân yêu cầu rút hồ sơ"},
    {State::kStopped, "Dừng xử lý"},
    {State::kResolved, "Đã xử lý xong"},
    {State::kReturned, "Đã trả kết quả"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 22> kEventKinds{{
    {EventKind::kSubmitted, "submitted"},
    {EventKind::kReceived, "received"},
    {EventKind::kGuided, "guided"},
    {EventKind::kRefused, "refused"},
    {EventKind::kAssigned, "assigned"},
    {EventKind::kForwarded, "forwarded"},
    {EventKind::kReworked, "reworked"},
    {EventKind::kPaused, "paused"},
    {EventKind::kResumed, "resumed"},
    {EventKind::kSentToAgency, "sent-to-agency"},
    {EventKind::kAgencyAnswered, "agency-answered"},
    {EventKind::kSupplementRequested, "supplement-requested"},
    {EventKind::kSupplementReceived, "supplement-received"},
    {EventKind::kRefusalProposed, "refusal-proposed"},
    {EventKind::kApologyDrafted, "apology-drafted"},
    {EventKind::kApologySigned, "apology-signed"},
    {EventKind::kIssued, "issued"},
    {EventKind::kReturned, "returned"},
    {EventKind::kWithdrawalRequested, "withdrawal-requested"},
    {EventKind::kStopped, "stopped"},
    {EventKind::kOriginalsSent, "originals-sent"},
    {EventKind::kOriginalsReceived, "originals-received"},
}};

constexpr std::array<std::pair<CommandKind, std::string_view>, 21> kCommandKinds{{
    {CommandKind::kSubmit, "submit"},
    {CommandKind::kReceive, "receive"},
    {CommandKind::kGuide, "guide"},
    {CommandKind::kRefuse, "refuse"},
    {CommandKind::kAssign, "assign"},
    {CommandKind::kForward, "forward"},
    {CommandKind::kRework, "rework"},
    {CommandKind::kPause, "pause"},
    {CommandKind::kResume, "resume"},
    {CommandKind::kAgencyAnswer, "agency-answer"},
    {CommandKind::kRequestSupplement, "request-supplement"},
    {CommandKind::kReceiveSupplement, "receive-supplement"},
    {CommandKind::kProposeRefusal, "propose-refusal"},
    {CommandKind::kDraftApology, "draft-apology"},
    {CommandKind::kSignApology, "sign-apology"},
    {CommandKind::kIssue, "issue"},
    {CommandKind::kReturn, "return"},
    {CommandKind::kRequestWithdrawal, "request-withdrawal"},
    {CommandKind::kStop, "stop"},
    {CommandKind::kSendOriginals, "send-originals"},
    {CommandKind::kReceiveOriginals, "receive-originals"},
}};

constexpr std::array<std::pair<ReturnMethod, std::string_view>, 3> kReturnMethods{{
    {ReturnMethod::kCounter, "counter"},
    {ReturnMethod::kPostal, "postal"},
    {ReturnMethod::kOnline, "online"},
}};

constexpr std::array<std::pair<Provision, std::string_view>, 6> kProvisions{{
    {Provision::kMissing, "missing"},
    {Provision::kPaperOriginal, "paper-original"},
    {Provision::kPaperCopy, "paper-copy"},
    {Provision::kElectronic, "electronic"},
    {Provision::kReused, "reused"},
    {Provision::kDataStore, "data-store"},
}};

}  // namespace

std::string_view StateName(State state) { return NameOf(kStates, state); }
std::string_view StateLabel(State state) { return NameOf(kStateLabels, state); }
std::optional<State> ParseState(std::string_view name) { return Lookup(kStates, name); }
bool IsFinal(State state) {
  return state == State::kRefused || state == State::kStopped || state == State::kReturned;
}
std::string_view EventKindName(EventKind kind) { return NameOf(kEventKinds, kind); }
std::optional<EventKind> ParseEventKind(std::string_view name) { return Lookup(kEventKinds, name); }
std::string_view CommandKindName(CommandKind kind) { return NameOf(kCommandKinds, kind); }
std::optional<CommandKind> ParseCommandKind(std::string_view name) {
  return Lookup(kCommandKinds, name);
}
std::string_view ReturnMethodName(ReturnMethod method) { return NameOf(kReturnMethods, method); }
std::optional<ReturnMethod> ParseReturnMethod(std::string_view name) {
  return Lookup(kReturnMethods, name);
}
std::string_view ProvisionName(Provision provision) { return NameOf(kProvisions, provision); }
std::optional<Provision> ParseProvision(std::string_view name) { return Lookup(kProvisions, name); }

}  // namespace motcua::dossier
