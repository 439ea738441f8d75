# zlib: the system library natively; built from Debian's source package (fetched into
# .deps by scripts/bootstrap.sh) for wasm, where Emscripten's download port is unusable.
if(CLOUT_WASM)
  file(GLOB CLOUT_ZLIB_DIR LIST_DIRECTORIES true "${CLOUT_DEPS_DIR}/zlib-*")
  list(FILTER CLOUT_ZLIB_DIR EXCLUDE REGEX "\\.tar")
  if(NOT CLOUT_ZLIB_DIR)
    message(FATAL_ERROR "zlib sources not found in ${CLOUT_DEPS_DIR}: run scripts/bootstrap.sh")
  endif()
  list(GET CLOUT_ZLIB_DIR 0 CLOUT_ZLIB_DIR)
  set(ZS adler32.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c zutil.c compress.c uncompr.c)
  list(TRANSFORM ZS PREPEND "${CLOUT_ZLIB_DIR}/")
  add_library(clout_zlib STATIC ${ZS})
  target_include_directories(clout_zlib SYSTEM PUBLIC "${CLOUT_ZLIB_DIR}")
  target_compile_options(clout_zlib PRIVATE -O3 -w)
else()
  find_package(ZLIB REQUIRED)
  add_library(clout_zlib INTERFACE)
  target_link_libraries(clout_zlib INTERFACE ZLIB::ZLIB)
  # libdeflate (Debian's libdeflate-dev, installed by scripts/bootstrap.sh): its CRC-32 for
  # zip entries natively. Optional: without it zip.cpp uses zlib's.
  find_library(CLOUT_LIBDEFLATE deflate)
  find_path(CLOUT_LIBDEFLATE_INCLUDE libdeflate.h)
  if(CLOUT_LIBDEFLATE AND CLOUT_LIBDEFLATE_INCLUDE)
    target_link_libraries(clout_zlib INTERFACE ${CLOUT_LIBDEFLATE})
    target_compile_definitions(clout_zlib INTERFACE CLOUT_HAVE_LIBDEFLATE)
  endif()
  # ISA-L (Debian's libisal-dev, installed by scripts/bootstrap.sh): zip entries inflate with
  # its streaming inflate, about 3x faster than zlib 1.2's with the same bounded memory.
  # Optional (-DCLOUT_ISAL=OFF builds the zlib path, as the wasm build has it).
  option(CLOUT_ISAL "Inflate zip entries with ISA-L when it is installed" ON)
  if(CLOUT_ISAL)
    find_library(CLOUT_ISAL_LIB isal)
    find_path(CLOUT_ISAL_INCLUDE isa-l/igzip_lib.h)
    if(CLOUT_ISAL_LIB AND CLOUT_ISAL_INCLUDE)
      target_link_libraries(clout_zlib INTERFACE ${CLOUT_ISAL_LIB})
      target_compile_definitions(clout_zlib INTERFACE CLOUT_HAVE_ISAL)
    endif()
  endif()
endif()
