#include "render_gl.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace clout::web::render {

namespace {

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ibo = 0, g_font = 0;
GLint g_proj = -1, g_tex = -1;
int g_fb_h = 0;

const char* const kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
}
)";
const char* const kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
}
)";

GLuint compile(GLenum type, const char* src) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "clout: shader: %s\n", log);
    }
    return s;
}

// The fill_rect payload: the rectangle and colour, kept in the callback command's
// UserCallbackData (a pointer into a per-frame pool; the pool is cleared each frame).
struct Fill {
    float x0, y0, x1, y1;
    float r, g, b;
};
ImVector<Fill> g_fills;
int g_fill_frame = -1;

void fill_callback(const ImDrawList*, const ImDrawCmd* cmd) {
    const Fill& f = g_fills[static_cast<int>(reinterpret_cast<intptr_t>(cmd->UserCallbackData))];
    // intersect with the command's clip rectangle (the scrolling body clips the cards)
    const float x0 = std::max(f.x0, cmd->ClipRect.x), y0 = std::max(f.y0, cmd->ClipRect.y);
    const float x1 = std::min(f.x1, cmd->ClipRect.z), y1 = std::min(f.y1, cmd->ClipRect.w);
    if (x1 <= x0 || y1 <= y0) return;
    const int ix0 = static_cast<int>(std::lround(x0)), iy0 = static_cast<int>(std::lround(y0));
    const int ix1 = static_cast<int>(std::lround(x1)), iy1 = static_cast<int>(std::lround(y1));
    if (ix1 <= ix0 || iy1 <= iy0) return;
    glScissor(ix0, g_fb_h - iy1, ix1 - ix0, iy1 - iy0);
    glClearColor(f.r, f.g, f.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void push_fill(ImDrawList* dl, float x0, float y0, float x1, float y1, ImU32 col) {
    if (x1 <= x0 || y1 <= y0) return;
    if (g_fill_frame != ImGui::GetFrameCount()) {
        g_fills.resize(0);
        g_fill_frame = ImGui::GetFrameCount();
    }
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(col);
    g_fills.push_back(Fill{x0, y0, x1, y1, c.x, c.y, c.z});
    dl->AddCallback(fill_callback, reinterpret_cast<void*>(static_cast<intptr_t>(g_fills.Size - 1)));
}

}  // namespace

bool init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    GLint ok = 0;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (!ok) return false;
    g_proj = glGetUniformLocation(g_program, "ProjMtx");
    g_tex = glGetUniformLocation(g_program, "Texture");
    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ibo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ibo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    // The state every frame uses, set once: nothing else touches this context.
    glUseProgram(g_program);
    glUniform1i(g_tex, 0);
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "clout_webgl2";
    return true;
}

void upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (g_font) glDeleteTextures(1, &g_font);
    glGenTextures(1, &g_font);
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_font)));
}

void draw(ImDrawData* dd, int fb_w, int fb_h, ImVec4 clear) {
    g_fb_h = fb_h;
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!dd || dd->CmdListsCount == 0 || fb_w <= 0 || fb_h <= 0) return;
    glEnable(GL_SCISSOR_TEST);
    const float L = dd->DisplayPos.x, R = dd->DisplayPos.x + dd->DisplaySize.x;
    const float T = dd->DisplayPos.y, B = dd->DisplayPos.y + dd->DisplaySize.y;
    const float proj[16] = {2.0f / (R - L), 0, 0, 0, 0, 2.0f / (T - B), 0, 0, 0, 0, -1, 0, (R + L) / (L - R), (T + B) / (B - T), 0, 1};
    glUniformMatrix4fv(g_proj, 1, GL_FALSE, proj);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    GLuint bound_tex = 0;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* cl = dd->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(cl->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     cl->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(cl->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     cl->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : cl->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(cl, &cmd);
                continue;
            }
            const ImVec2 cmin(cmd.ClipRect.x - L, cmd.ClipRect.y - T), cmax(cmd.ClipRect.z - L, cmd.ClipRect.w - T);
            if (cmax.x <= cmin.x || cmax.y <= cmin.y || cmd.ElemCount == 0) continue;
            glScissor(static_cast<GLint>(cmin.x), static_cast<GLint>(static_cast<float>(fb_h) - cmax.y),
                      static_cast<GLsizei>(cmax.x - cmin.x), static_cast<GLsizei>(cmax.y - cmin.y));
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound_tex) {
                glBindTexture(GL_TEXTURE_2D, tex);
                bound_tex = tex;
            }
            static_assert(sizeof(ImDrawIdx) == 4, "the build uses 32-bit indices (cmake/wasm.cmake)");
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
}

void fill_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float r) {
    if (((col >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) {
        dl->AddRectFilled(a, b, col, r);
        return;
    }
    // Whole pixels, so the clears and the corner triangles meet without a seam.
    a = ImVec2(std::round(a.x), std::round(a.y));
    b = ImVec2(std::round(b.x), std::round(b.y));
    r = std::round(std::max(0.0f, std::min(r, std::min(b.x - a.x, b.y - a.y) * 0.5f)));
    if (r < 1) {
        push_fill(dl, a.x, a.y, b.x, b.y, col);
        return;
    }
    push_fill(dl, a.x + r, a.y, b.x - r, b.y, col);       // the middle, full height
    push_fill(dl, a.x, a.y + r, a.x + r, b.y - r, col);   // the left strip between the corners
    push_fill(dl, b.x - r, a.y + r, b.x, b.y - r, col);   // the right strip
    // Each corner: its quarter circle (the arc AddRectFilled draws) closed at the corner
    // square's inner point, as one anti-aliased convex shape. Its straight edges lie on the
    // clears' pixel edges, where the anti-aliasing fringe falls on the same colour.
    const struct { ImVec2 c; int a0, a1; } corners[4] = {
        {ImVec2(a.x + r, a.y + r), 6, 9}, {ImVec2(b.x - r, a.y + r), 9, 12},
        {ImVec2(b.x - r, b.y - r), 0, 3}, {ImVec2(a.x + r, b.y - r), 3, 6}};
    for (const auto& k : corners) {
        dl->PathLineTo(k.c);
        dl->PathArcToFast(k.c, r, k.a0, k.a1);
        dl->PathFillConvex(col);
    }
}

}  // namespace clout::web::render
