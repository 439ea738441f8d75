# The wasm family (Emscripten 3.1.6 from Debian, configured with emcmake; see
# ../shared/TOOLCHAIN.md and docs/ARCHITECTURE.md). Included from CMakeLists.txt.
#
#   clout_tests  the doctest suite, run under Node:  node --no-experimental-fetch clout_tests.js
#   clout_web    the ImGui web app (clout.js + clout.wasm), assembled into dist/ by build_wasm.sh
#   clout_worker the import worker (src/worker/)
#   clout_node   the CLI under Node (scripts/bench.sh)
#
# Exceptions: the engine reports bad input by throwing InputError, so every wasm target
# is compiled with native WebAssembly exception handling (-fwasm-exceptions). It works with
# Emscripten 3.1.6, Node 20 and Chromium, is much faster and smaller than the JS-emulated
# flavour (-fexceptions) and its libc++ is prebuilt in Debian's Emscripten cache
# (libc++-except.a). CLOUT_WASM_EH=js selects the emulated flavour for old browsers.

set(CLOUT_WASM_EH "wasm" CACHE STRING "Exception handling in wasm: wasm (-fwasm-exceptions) or js (-fexceptions)")
if(CLOUT_WASM_EH STREQUAL "wasm")
  set(CLOUT_EH_FLAG -fwasm-exceptions)
else()
  set(CLOUT_EH_FLAG -fexceptions)
endif()
set(CLOUT_WASM_OPT -O3 CACHE STRING "Optimisation level of the wasm build (measured: -O3 is ~2x -O2 for JSON parsing)")

# The engine and everything linking it: exceptions on, optimised. No threads: a static page
# cannot send the COOP/COEP headers that wasm threads need (io/jobs.cpp runs jobs in turn).
target_compile_options(clout_core PUBLIC ${CLOUT_EH_FLAG} ${CLOUT_WASM_OPT})
target_compile_definitions(clout_core PRIVATE CLOUT_SINGLE_THREAD)
target_link_options(clout_core INTERFACE ${CLOUT_EH_FLAG} ${CLOUT_WASM_OPT})

# ---- doctest suite under Node, with direct access to the real file system (samples, temp files)
# Test files that run the native `clout` binary as a child process cannot run in wasm.
set(CLOUT_NATIVE_ONLY_TESTS test_cli_errors.cpp test_cli_tz.cpp)
get_target_property(_clout_test_sources clout_tests SOURCES)
foreach(_t ${CLOUT_NATIVE_ONLY_TESTS})
  list(FILTER _clout_test_sources EXCLUDE REGEX "/${_t}$")
endforeach()
set_property(TARGET clout_tests PROPERTY SOURCES ${_clout_test_sources})
target_link_options(clout_tests PRIVATE
  -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
  -sEXIT_RUNTIME=1)

# ---- Dear ImGui (1.90.x, Debian's source package fetched into .deps/imgui by scripts/bootstrap.sh)
set(CLOUT_IMGUI_DIR "${CLOUT_DEPS_DIR}/imgui")
if(NOT EXISTS "${CLOUT_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui sources not found in ${CLOUT_IMGUI_DIR}: run scripts/bootstrap.sh")
endif()
add_library(clout_imgui STATIC
  ${CLOUT_IMGUI_DIR}/imgui.cpp ${CLOUT_IMGUI_DIR}/imgui_draw.cpp
  ${CLOUT_IMGUI_DIR}/imgui_tables.cpp ${CLOUT_IMGUI_DIR}/imgui_widgets.cpp
  ${CLOUT_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${CLOUT_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(clout_imgui SYSTEM PUBLIC "${CLOUT_IMGUI_DIR}" "${CLOUT_IMGUI_DIR}/backends")
# 32-bit indices (WebGL2 has them) so large plots never overflow; no file I/O from ImGui
# itself (no imgui.ini on the page); no demo window in the product.
target_compile_definitions(clout_imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_DISABLE_FILE_FUNCTIONS
                                              IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
target_compile_options(clout_imgui PRIVATE ${CLOUT_EH_FLAG} ${CLOUT_WASM_OPT} -w)

# ---- the web app
file(GLOB CLOUT_WEB_SOURCES CONFIGURE_DEPENDS src/web/*.cpp)
add_executable(clout_web ${CLOUT_WEB_SOURCES})
set_target_properties(clout_web PROPERTIES OUTPUT_NAME clout SUFFIX ".js")
target_include_directories(clout_web PRIVATE src/web)
target_link_libraries(clout_web PRIVATE clout_core clout_imgui)
target_compile_options(clout_web PRIVATE -Wall -Wextra)
target_link_options(clout_web PRIVATE
  -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web
  -sMODULARIZE=1 -sEXPORT_NAME=createCloutApp
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=callMain,UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sINVOKE_RUN=0 -sFILESYSTEM=0)

# ---- the import worker (src/worker/main.cpp, driven by web/worker.js):
# it mounts the dropped File objects with WORKERFS and reads them through file_source.cpp.
if(EXISTS "${CMAKE_SOURCE_DIR}/src/worker/main.cpp")
  file(GLOB CLOUT_WORKER_SOURCES CONFIGURE_DEPENDS src/worker/*.cpp)
  add_executable(clout_worker ${CLOUT_WORKER_SOURCES})
  set_target_properties(clout_worker PROPERTIES OUTPUT_NAME clout-worker SUFFIX ".js")
  target_link_libraries(clout_worker PRIVATE clout_core)
  target_link_options(clout_worker PRIVATE
    -lworkerfs.js -sFORCE_FILESYSTEM=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
    -sENVIRONMENT=worker -sMODULARIZE=1 -sEXPORT_NAME=createCloutWorker
    -sEXPORTED_RUNTIME_METHODS=FS,ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8)
endif()

# ---- the CLI under Node (scripts/bench.sh: the engine's speed in wasm, as a proxy for the
# worker when no browser is at hand). Same engine flags as the worker.
add_executable(clout_node src/cli/main.cpp src/worker/file_source.cpp)
set_target_properties(clout_node PROPERTIES OUTPUT_NAME clout-node SUFFIX ".js")
target_include_directories(clout_node PRIVATE src/worker)
target_link_libraries(clout_node PRIVATE clout_core)
target_link_options(clout_node PRIVATE
  -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sEXIT_RUNTIME=1)
