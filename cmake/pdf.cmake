# PDF sheets (engine/render/pdf_sheets.cc): cairo draws the pages, pango
# shapes and wraps the text and falls back across fonts, so every name is
# real, selectable text with its fonts embedded. Debian packages:
# tools/deps/pdf.txt.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)
target_link_libraries(fairmatch_engine PUBLIC PkgConfig::PANGOCAIRO)
