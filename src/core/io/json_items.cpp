#include "io/json_items.h"

#include <iterator>
#include <vector>

#include "util/error.h"

namespace clout {

namespace {

using nlohmann::json;

// Chunked reading of an InputStream, seen by nlohmann's lexer as an input iterator
// (much faster than a std::istream, whose adapter goes through the streambuf per byte).
struct ChunkReader {
    InputStream& in;
    std::vector<char> buf;
    size_t pos = 0, len = 0;
    explicit ChunkReader(InputStream& s) : in(s), buf(1 << 16) { fill(); }
    void fill() {
        len = in.read(buf.data(), buf.size());
        pos = 0;
    }
    bool at_end() const { return pos >= len; }
};

class ChunkIter {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    ChunkIter() = default;
    explicit ChunkIter(ChunkReader* r) : r_(r) {}
    reference operator*() const { return r_->buf[r_->pos]; }
    ChunkIter& operator++() {
        if (++r_->pos >= r_->len) r_->fill();
        return *this;
    }
    ChunkIter operator++(int) {
        ChunkIter t = *this;
        ++*this;
        return t;
    }
    bool operator==(const ChunkIter& o) const { return done() == o.done(); }
    bool operator!=(const ChunkIter& o) const { return done() != o.done(); }

private:
    bool done() const { return !r_ || r_->at_end(); }
    ChunkReader* r_ = nullptr;
};

class ItemsSax {
public:
    ItemsSax(const std::string& field, const std::function<void(json&)>& on_item, ImportContext& ctx,
             JsonItemsResult& res)
        : field_(field), on_item_(on_item), ctx_(ctx), res_(res) {}

    bool null() { return value(json()); }
    bool boolean(bool v) { return value(json(v)); }
    bool number_integer(json::number_integer_t v) { return value(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return value(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return value(json(v)); }
    bool string(std::string& v) {
        if (v.size() > ctx_.limits.max_field_bytes)
            throw LimitError("a JSON string of " + std::to_string(v.size() >> 20) + " MB (limit --max-field-mb)");
        return value(json(std::move(v)));
    }
    bool binary(json::binary_t&) { return value(json()); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (depth_ == 1) top_key_ = k;
        if (building()) key_ = std::move(k);
        return true;
    }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) {
        res_.ok = false;
        res_.byte = pos;
        std::string what = e.what();
        size_t colon = what.rfind(": ");
        res_.error = "damaged JSON at byte " + std::to_string(pos) +
                     (colon != std::string::npos ? " (" + what.substr(colon + 2) + ")" : std::string());
        return false;
    }

private:
    // Inside an element of the streamed array?
    bool building() const { return !stack_.empty(); }

    void insert(json&& v, json*& where) {
        json* top = stack_.back();
        if (top->is_array()) {
            top->push_back(std::move(v));
            where = &top->back();
        } else {
            json& slot = (*top)[key_];
            slot = std::move(v);  // duplicate key: the last one wins
            where = &slot;
        }
    }

    bool value(json&& v) {
        if (building()) {
            json* w;
            insert(std::move(v), w);
            return true;
        }
        if (in_field_array()) {
            emit(v);
            return true;
        }
        if (depth_ == 1 && res_.top_is_object) res_.top_scalars[top_key_] = std::move(v);
        return true;
    }

    bool open(json&& v) {
        ++depth_;
        if (depth_ > ctx_.limits.max_depth)
            throw LimitError("JSON nested more than " + std::to_string(ctx_.limits.max_depth) + " levels deep (limit --max-depth)");
        if (depth_ == 1) {
            res_.top_is_object = v.is_object();
            return true;
        }
        if (building()) {
            json* w;
            insert(std::move(v), w);
            stack_.push_back(w);
            return true;
        }
        if (depth_ == 2 && v.is_array() && res_.top_is_object && top_key_ == field_) {
            field_depth_ = 2;
            res_.field_seen = true;
            return true;
        }
        if (in_field_array_at(depth_ - 1)) {
            item_ = std::move(v);
            stack_.push_back(&item_);
            return true;
        }
        return true;
    }

    bool close() {
        if (building()) {
            stack_.pop_back();
            if (stack_.empty()) emit(item_);
        } else if (depth_ == field_depth_) {
            field_depth_ = 0;
        }
        --depth_;
        return true;
    }

    bool in_field_array() const { return field_depth_ != 0 && depth_ == field_depth_; }
    bool in_field_array_at(uint32_t d) const { return field_depth_ != 0 && d == field_depth_; }

    void emit(json& v) {
        ++res_.items;
        on_item_(v);
        v = json();
        if ((res_.items & 63) == 0) {
            ctx_.progress.entries = res_.items;
            ctx_.tick();
        }
    }

    const std::string& field_;
    const std::function<void(json&)>& on_item_;
    ImportContext& ctx_;
    JsonItemsResult& res_;
    uint32_t depth_ = 0;
    uint32_t field_depth_ = 0;
    std::string top_key_;
    std::string key_;
    std::vector<json*> stack_;
    json item_;
};

}  // namespace

JsonItemsResult stream_json_items(InputStream& in, const std::string& field, const std::function<void(json&)>& on_item,
                                  ImportContext& ctx) {
    JsonItemsResult res;
    ChunkReader reader(in);
    ItemsSax sax(field, on_item, ctx, res);
    json::sax_parse(ChunkIter(&reader), ChunkIter(), &sax, json::input_format_t::json, true);
    return res;
}

}  // namespace clout
