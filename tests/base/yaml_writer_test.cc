#include "engine/base/yaml_writer.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <string>

namespace fairmatch {
namespace {

TEST_CASE(
    "every scalar reads back as the same string, in block and flow "
    "context",
    "[synth]") {
  const std::string cases[] = {"internship",
                               "Fine Arts",
                               "c++",
                               "3d-modelling",
                               "yes",
                               "No",
                               "ON",
                               "null",
                               "~",
                               "y",
                               "123",
                               "1e5",
                               "0x1F",
                               ".inf",
                               "-5",
                               "O'Brien",
                               "a: b",
                               "a:b",
                               "# hash",
                               "x #y",
                               "- dash",
                               "[x]",
                               "{y}",
                               "a, b",
                               "&ref",
                               "*alias",
                               "!tag",
                               "%dir",
                               "@at",
                               "`tick",
                               "|pipe",
                               ">fold",
                               "?q",
                               "Zoë Müller",
                               "王芳",
                               "Γιώργος",
                               "tab\there",
                               "line\nbreak",
                               "quote\"and\\slash",
                               "",
                               " lead",
                               "trail ",
                               "09:00",
                               "2026-03-04",
                               "America/Toronto",
                               "jose.nunez.a0001@example.edu",
                               "bell\x07"};
  for (const std::string& text : cases) {
    INFO("text: " << text);
    std::string block = "key: ";
    AppendYamlScalar(&block, text);
    CHECK(YAML::Load(block)["key"].as<std::string>() == text);
    std::string flow = "[";
    AppendYamlScalar(&flow, text);
    flow += ", end]";
    const YAML::Node seq = YAML::Load(flow);
    REQUIRE(seq.size() == 2);
    CHECK(seq[0].as<std::string>() == text);
  }
}

TEST_CASE("plain scalars are used only where they are safe", "[synth]") {
  CHECK(IsPlainYamlSafe("internship"));
  CHECK(IsPlainYamlSafe("Maple Health Cooperative"));
  CHECK(IsPlainYamlSafe("c++"));
  CHECK(IsPlainYamlSafe("a0001"));
  CHECK_FALSE(IsPlainYamlSafe("Yes"));
  CHECK_FALSE(IsPlainYamlSafe("off"));
  CHECK_FALSE(IsPlainYamlSafe("12"));
  CHECK_FALSE(IsPlainYamlSafe("09:00"));
  CHECK_FALSE(IsPlainYamlSafe("Zoë"));
  CHECK_FALSE(IsPlainYamlSafe("a, b"));
  CHECK_FALSE(IsPlainYamlSafe(""));
}

TEST_CASE("times are always quoted", "[synth]") {
  std::string out;
  AppendQuoted(&out, "09:00");
  CHECK(out == "\"09:00\"");
}

TEST_CASE("ASCII folding drops accents and spells out special letters",
          "[synth]") {
  CHECK(AsciiFold("José Núñez") == "Jose Nunez");
  CHECK(AsciiFold("Zoë Müller") == "Zoe Muller");
  CHECK(AsciiFold("François Lefèvre") == "Francois Lefevre");
  CHECK(AsciiFold("Şükrü Öztürk") == "Sukru Ozturk");
  CHECK(AsciiFold("İbrahim Çelik") == "Ibrahim Celik");
  CHECK(AsciiFold("Ayşe Yılmaz") == "Ayse Yilmaz");
  CHECK(AsciiFold("Nguyễn Thị Hương") == "Nguyen Thi Huong");
  CHECK(AsciiFold("Trần Văn Đức") == "Tran Van Duc");
  CHECK(AsciiFold("Łukasz Wiśniewski") == "Lukasz Wisniewski");
  CHECK(AsciiFold("Weiß Østergaard Æsgeir") == "Weiss Ostergaard AEsgeir");
  CHECK(AsciiFold("Œuvre") == "OEuvre");
  CHECK(AsciiFold("Анна") == "");
  CHECK(AsciiFold("王芳 Wang") == " Wang");
  CHECK(AsciiFold("bad\xC3") == "bad");  // truncated sequence
  CHECK(AsciiFold("x\x80y") == "xy");    // stray continuation byte
}

TEST_CASE("flow lists quote what YAML needs", "[base]") {
  std::string s;
  AppendFlowList(&s, {"internship", "Data, AI", "yes"});
  CHECK(s == R"([internship, "Data, AI", "yes"])");
  s.clear();
  AppendFlowList(&s, {});
  CHECK(s == "[]");
}

}  // namespace
}  // namespace fairmatch
