// auditd and FortiGate key=value decoding of `message` (see kv_decoder.h). Runs on the thread
// that owns the decoder, lazily: only when a rule asks for a decoded value.
#include "detect/kv_decoder.h"

#include <algorithm>
#include <array>

namespace vigie::detect {

namespace {

// auditd separates its enrichment (ARCH=, SYSCALL=, AUID=…) with ASCII GS.
bool isSeparator(char c)
{
    return c == ' ' || c == '\t' || c == '\x1d' || c == '\n' || c == '\r';
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isHexString(std::string_view text)
{
    return !text.empty() && text.size() % 2 == 0 &&
           std::all_of(text.begin(), text.end(), [](char c) { return hexDigit(c) >= 0; });
}

bool isArgumentKey(std::string_view key)
{
    return key.size() >= 2 && key[0] == 'a' && std::all_of(key.begin() + 1, key.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == '[' || c == ']';
           });
}

// Keys auditd writes as strings: quoted when printable, hex-encoded otherwise. Numbers (SYSCALL
// a0..a3, inode, mode) are never decoded.
bool isStringKey(std::string_view type, std::string_view key)
{
    static constexpr std::array<std::string_view, 11> kStrings{
        "proctitle", "cmd", "cwd", "name", "exe", "comm", "path", "data", "acct", "key", "old-comm"};
    if (std::find(kStrings.begin(), kStrings.end(), key) != kStrings.end())
        return true;
    return type == "EXECVE" && isArgumentKey(key);
}

// x86_64 numbers of the syscalls Sigma's auditd rules and common audit rules name.
struct Syscall {
    int number;
    std::string_view name;
};
constexpr std::array<Syscall, 46> kSyscalls{{
    {0, "read"},           {1, "write"},         {2, "open"},          {4, "stat"},
    {9, "mmap"},           {10, "mprotect"},     {41, "socket"},       {42, "connect"},
    {43, "accept"},        {49, "bind"},         {50, "listen"},       {56, "clone"},
    {57, "fork"},          {58, "vfork"},        {59, "execve"},       {62, "kill"},
    {82, "rename"},        {84, "rmdir"},        {87, "unlink"},       {90, "chmod"},
    {92, "chown"},         {99, "sysinfo"},      {101, "ptrace"},      {103, "syslog"},
    {105, "setuid"},       {106, "setgid"},      {133, "mknod"},       {135, "personality"},
    {155, "pivot_root"},   {161, "chroot"},      {165, "mount"},       {166, "umount2"},
    {169, "reboot"},       {170, "sethostname"}, {175, "init_module"}, {176, "delete_module"},
    {257, "openat"},       {259, "mknodat"},     {263, "unlinkat"},    {268, "fchmodat"},
    {272, "unshare"},      {288, "accept4"},     {308, "setns"},       {313, "finit_module"},
    {319, "memfd_create"}, {322, "execveat"},
}};

std::string_view syscallName(std::string_view number)
{
    int value = 0;
    if (number.empty() || number.size() > 4)
        return {};
    for (const char c : number) {
        if (c < '0' || c > '9')
            return {};
        value = value * 10 + (c - '0');
    }
    for (const Syscall& s : kSyscalls)
        if (s.number == value)
            return s.name;
    return {};
}

} // namespace

void KvDecoder::decode(std::string_view message, Decode dialect)
{
    message_ = message;
    type_ = {};
    owned_.clear();
    pairs_.clear();
    if (dialect == Decode::None)
        return;
    const bool auditd = dialect == Decode::Auditd;
    // Only a real auditd record: other lines of a shared log source (sudo, Sysmon) decode to nothing.
    if (auditd && !message.starts_with("type=") && message.find(" msg=audit(") == std::string_view::npos)
        return;
    scan(message, 0, auditd);
    if (auditd)
        derive();
}

void KvDecoder::scan(std::string_view text, std::size_t offset, bool auditd)
{
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSeparator(text[i]))
            ++i;
        const std::size_t key_begin = i;
        while (i < text.size() && !isSeparator(text[i]) && text[i] != '=')
            ++i;
        if (i >= text.size() || text[i] != '=') {
            // A word without '=' (auditd's "msg=audit(…):" tail, free text): skip it.
            while (i < text.size() && !isSeparator(text[i]))
                ++i;
            continue;
        }
        const std::string_view key = text.substr(key_begin, i - key_begin);
        ++i; // '='
        std::size_t value_begin = i;
        std::size_t value_end = 0;
        char quote = 0;
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
            quote = text[i];
            value_begin = ++i;
            while (i < text.size() && text[i] != quote)
                ++i;
            value_end = i;
            if (i < text.size())
                ++i; // closing quote
        } else {
            while (i < text.size() && !isSeparator(text[i]))
                ++i;
            value_end = i;
        }
        if (key.empty())
            continue;
        const std::string_view value = text.substr(value_begin, value_end - value_begin);
        add(key, value, offset + value_begin, quote != 0, auditd);
        // auditd's user-space records nest their own pairs: msg='op=PAM:session_open acct="root" …'.
        if (auditd && quote == '\'' && key == "msg")
            scan(value, offset + value_begin, auditd);
    }
}

void KvDecoder::add(std::string_view key, std::string_view value, std::size_t offset, bool quoted,
                    bool auditd)
{
    if (auditd && key == "type" && type_.empty())
        type_ = value;
    if (auditd && !quoted && isStringKey(type_, key) && isHexString(value)) {
        std::string decoded;
        decoded.reserve(value.size() / 2);
        for (std::size_t i = 0; i < value.size(); i += 2) {
            const char c = static_cast<char>(hexDigit(value[i]) * 16 + hexDigit(value[i + 1]));
            decoded.push_back(c == '\0' ? ' ' : c); // proctitle separates its arguments with NUL
        }
        while (!decoded.empty() && decoded.back() == ' ')
            decoded.pop_back();
        addOwned(key, decoded);
        return;
    }
    pairs_.push_back(
        Pair{key, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(value.size()), false});
}

void KvDecoder::addOwned(std::string_view key, std::string_view value)
{
    pairs_.push_back(
        Pair{key, static_cast<std::uint32_t>(owned_.size()), static_cast<std::uint32_t>(value.size()), true});
    owned_.append(value);
}

std::string_view KvDecoder::text(const Pair& pair) const
{
    const std::string_view base = pair.owned ? std::string_view(owned_) : message_;
    return base.substr(pair.begin, pair.size);
}

std::optional<std::string_view> KvDecoder::value(std::string_view key) const
{
    for (const Pair& pair : pairs_)
        if (pair.key == key)
            return text(pair);
    return std::nullopt;
}

void KvDecoder::derive()
{
    if (type_ == "EXECVE") {
        // a0..aN in order; argc bounds them when present.
        std::string cmdline;
        for (std::size_t n = 0;; ++n) {
            const auto arg = value("a" + std::to_string(n));
            if (!arg)
                break;
            if (n > 0)
                cmdline.push_back(' ');
            cmdline.append(*arg);
        }
        if (!cmdline.empty())
            addOwned("auditd.cmdline", cmdline);
    } else if (type_ == "PROCTITLE") {
        if (const auto title = value("proctitle")) {
            const std::string copy(*title); // addOwned may reallocate owned_
            addOwned("auditd.cmdline", copy);
        }
    } else if (type_ == "SYSCALL" && !value("SYSCALL")) {
        const auto arch = value("arch");
        const auto number = value("syscall");
        if (arch && number && *arch == "c000003e")
            if (const std::string_view name = syscallName(*number); !name.empty())
                addOwned("SYSCALL", name);
    }
}

} // namespace vigie::detect
