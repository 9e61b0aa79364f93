// The engine's layer graph (CMakeLists.txt, docs/HACKING.md "Layers"), as a
// test: every #include "engine/..." in engine/ must name the file's own
// layer or one below it. The CMake libraries enforce calls across walls at
// link time; this catches the includes, header-only code included.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

// Each layer and every layer it may use (the transitive closure).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"base", {}},
    {"model", {"base"}},
    {"io", {"model", "base"}},
    {"score", {"model", "base"}},
    {"plan", {"score", "model", "base"}},
    {"check", {"score", "model", "base"}},
    {"render", {"check", "score", "model", "base"}},
    {"render_pdf", {"render", "check", "score", "model", "base"}},
    {"synth", {"model", "base"}},
    {"pipeline",
     {"io", "plan", "check", "render", "render_pdf", "score", "model", "base"}},
    {"send", {"io", "render_pdf", "render", "check", "score", "model", "base"}},
};

// The layer of a path below engine/: its folder, except the PDF renderer's
// files (render/pdf_*), which are a layer of their own; engine/pipeline.*.
std::string LayerOf(const std::string& rel) {
  const size_t slash = rel.find('/');
  if (slash == std::string::npos) return rel.substr(0, rel.find('.'));
  const std::string folder = rel.substr(0, slash);
  if (folder == "render" && rel.rfind("render/pdf_", 0) == 0) {
    return "render_pdf";
  }
  return folder;
}

TEST_CASE("every engine include stays within its layer or the layers below",
          "[layers]") {
  const fs::path engine = fs::path(FAIRMATCH_SOURCE_DIR) / "engine";
  const std::regex include(R"(^\s*#\s*include\s+"engine/([^"]+)\")");
  int files = 0, includes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(engine)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h" && ext != ".in") continue;
    const std::string rel = fs::relative(entry.path(), engine).generic_string();
    const std::string layer = LayerOf(rel);
    INFO(rel << " (layer " << layer << ")");
    REQUIRE(kAllowed.count(layer) == 1);
    ++files;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      ++includes;
      const std::string used = LayerOf(m[1].str());
      INFO("includes engine/" << m[1].str() << " (layer " << used << ")");
      CHECK((used == layer || kAllowed.at(layer).count(used) == 1));
    }
  }
  CHECK(files > 60);
  CHECK(includes > 150);
}

TEST_CASE("the layer of a path", "[layers]") {
  CHECK(LayerOf("render/pdf_sheets.h") == "render_pdf");
  CHECK(LayerOf("render/report_html.cc") == "render");
  CHECK(LayerOf("pipeline.h") == "pipeline");
  CHECK(LayerOf("base/civil_time.h") == "base");
}

}  // namespace
}  // namespace fairmatch
