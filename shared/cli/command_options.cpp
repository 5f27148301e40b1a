#include "shared/cli/command_options.h"

#include <array>

#include "shared/common/command_line.h"

namespace ducha::cli {

namespace {

// Every command and the options its subcommands read (the usage text says which goes where).
// `audit` checks its own options, with its own usage (shared/cli/audit_command.cpp).
constexpr std::array kCommands{
    CommandOptions{"enroll", "", "server code pin name link"},
    CommandOptions{"sync", "", "retries timeout"},
    CommandOptions{"status", "json", ""},
    CommandOptions{"devices", "json", ""},
    CommandOptions{"tasks", "json all", ""},
    CommandOptions{"inspect", "mock-location", "task answers photo gps accuracy notes amends"},
    CommandOptions{"task-status", "", "task to"},
    CommandOptions{"outbox", "json", ""},
    CommandOptions{"reports", "json", ""},
    CommandOptions{"institutions", "json", ""},
    CommandOptions{"edit", "", ""},
    CommandOptions{"digest", "", ""},
    CommandOptions{"verify", "", ""},
    CommandOptions{"rules", "", ""},
    CommandOptions{"admin", "covert", "name role district user zone institution assignee kind priority days title campaign"},
    CommandOptions{"registry", "field-reported unassigned json",
                   "district search name address licensed academic category zone community licence-no phone lat lon "
                   "key-target into"},
    CommandOptions{"zone", "json", "district name communities user zone institution from to"},
    CommandOptions{"task", "covert", "institution assignee kind priority days title campaign"},
    CommandOptions{"campaign", "key-targets-only json", "name from to visits"},
    CommandOptions{"draw", "academic-only key-targets-only no-weights allow-own-zone covert json",
                   "k per-site category recent-days days title"},
    CommandOptions{"coverage", "json", "district from to campaign"},
    CommandOptions{"review", "all json no-violation", "tier days order note reinspector"},
    CommandOptions{"case", "json", "status"},
    CommandOptions{"complaint", "all json covert",
                   "text source institution address reference received due district assignee priority days note "
                   "resolution"},
    CommandOptions{"export", "", "out from to campaign district"},
    CommandOptions{"district", "json", "name code"},
    CommandOptions{"user", "json remove", "district role expiring-within save"},
    CommandOptions{"checklist", "json", "version from to note"},
};

}  // namespace

const CommandOptions* command_options(std::string_view command) {
    for (const auto& c : kCommands)
        if (c.command == command) return &c;
    return nullptr;
}

Status check_options(std::string_view command, const Args& args) {
    const CommandOptions* spec = command_options(command);
    if (!spec) return {};  // an unknown command is refused by the dispatcher, with its own words
    return check_command_options("ducha", command, args.v, spec->flags, spec->values);
}

}  // namespace ducha::cli
