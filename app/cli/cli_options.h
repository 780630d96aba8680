// Command-line parsing for convstudio-cli: each subcommand declares its
// options (name, whether it takes a value, help); parse() checks the command
// line against that list and --help prints it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

// A mistake in the command line: printed with the command's usage, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;       // "--epochs"
    std::string valueName;  // "N"; empty for a flag
    std::string help;
    bool optionalValue = false; // "--early-stopping [k=v,...]"
};

struct CommandSpec {
    std::string name;
    std::string usage;       // "train [options]"
    std::string description;
    std::vector<OptionSpec> options;
    std::string helpText() const;
};

class ParsedArgs {
public:
    ParsedArgs(const CommandSpec& spec, const std::vector<std::string>& args);
    bool has(const std::string& option) const { return values_.count(option) > 0; }
    bool helpRequested() const { return help_; }
    std::string get(const std::string& option, const std::string& fallback = "") const;
    int getInt(const std::string& option, int fallback, int min, int max) const;
    double getDouble(const std::string& option, double fallback, double min, double max) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
    bool help_ = false;
};

// "patience=3,restore_best_weights=true" -> {patience: 3, restore_best_weights: true}
std::map<std::string, std::string> parseKeyValues(const std::string& text, const std::string& option);
double toDouble(const std::string& text, const std::string& what);
int toInt(const std::string& text, const std::string& what);
bool toBool(const std::string& text, const std::string& what);

} // namespace cli
