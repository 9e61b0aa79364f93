# PDF sheets (engine/render/pdf_sheets.cc): pango shapes and wraps the text
# and falls back across fonts (through its cairo font map, for the same
# metrics as before); engine/render/pdf_document.cc writes the PDF itself,
# embedding font subsets made by harfbuzz's hb-subset, so every name is real,
# selectable text. zlib compresses the streams. Debian packages:
# tools/deps/pdf.txt.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo pangofc
                  fontconfig harfbuzz harfbuzz-subset zlib)
target_link_libraries(fairmatch_engine PUBLIC PkgConfig::PANGOCAIRO)
