#include "read/yaml_tree.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace folio::read {

namespace {

// Thrown inside the handler to stop yaml-cpp's parser; caught in parse_yaml.
struct StopParsing {
    SourcePos pos;
    std::string message;
    std::string hint;
};

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(std::uint32_t first_line, YamlLimits limits) : m_first_line(first_line), m_limits(limits) {}

    std::optional<YamlNode> root;

    SourcePos pos(const YAML::Mark& mark) const {
        if (mark.line < 0 || mark.column < 0) return {m_first_line, 1};  // yaml-cpp's null mark
        return {static_cast<std::uint32_t>(mark.line) + m_first_line, static_cast<std::uint32_t>(mark.column) + 1};
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        YamlNode n;
        n.pos = pos(mark);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw StopParsing{pos(mark), "YAML aliases are not allowed in front matter",
                          "write the value out in full instead of `*name`"};
    }
    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        throw StopParsing{pos(mark), "YAML anchors are not allowed in front matter",
                          "remove the `&name` and write each value in full"};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        YamlNode n;
        n.type = YamlNode::Type::scalar;
        n.pos = pos(mark);
        n.value = value;
        // yaml-cpp tags a quoted scalar "!" (non-specific) and a plain one "?".
        n.quoted = tag == "!";
        // A plain `~` or `null` is YAML's null, like an empty value.
        if (!n.quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL"))
            n.type = YamlNode::Type::null;
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(YamlNode::Type::sequence, mark);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(YamlNode::Type::mapping, mark);
    }
    void OnMapEnd() override { close(); }

private:
    std::uint32_t m_first_line;
    YamlLimits m_limits;
    std::size_t m_count = 0;
    std::vector<YamlNode> m_stack;          // open collections
    std::vector<std::optional<YamlNode>> m_pending_key;  // per open mapping

    void count(const SourcePos& at) {
        if (++m_count > m_limits.max_nodes)
            throw StopParsing{at, "front matter has more than " + std::to_string(m_limits.max_nodes) + " values",
                              "front matter holds a post's metadata: a few keys, not data"};
    }

    void open(YamlNode::Type type, const YAML::Mark& mark) {
        YamlNode n;
        n.type = type;
        n.pos = pos(mark);
        count(n.pos);
        if (m_stack.size() >= m_limits.max_depth)
            throw StopParsing{n.pos, "front matter is nested more than " + std::to_string(m_limits.max_depth) +
                                         " levels deep", {}};
        m_stack.push_back(std::move(n));
        m_pending_key.emplace_back();
    }

    void close() {
        YamlNode n = std::move(m_stack.back());
        m_stack.pop_back();
        m_pending_key.pop_back();
        attach(std::move(n));
    }

    void add(YamlNode n) {
        count(n.pos);
        attach(std::move(n));
    }

    void attach(YamlNode n) {
        if (m_stack.empty()) {
            if (!root) root = std::move(n);
            return;
        }
        YamlNode& parent = m_stack.back();
        if (parent.type == YamlNode::Type::sequence) {
            parent.items.push_back(std::move(n));
            return;
        }
        auto& key = m_pending_key.back();
        if (!key) {
            key = std::move(n);
        } else {
            // yaml-cpp marks an empty value (`summary:`) at the next token,
            // often on a later line: point just past the key's colon instead.
            if (n.type == YamlNode::Type::null && key->type == YamlNode::Type::scalar && !key->quoted)
                n.pos = {key->pos.line, static_cast<std::uint32_t>(key->pos.column + key->value.size() + 1)};
            parent.entries.push_back(YamlEntry{std::move(*key), std::move(n)});
            key.reset();
        }
    }
};

}  // namespace

const char* YamlNode::type_name() const {
    switch (type) {
    case Type::null: return "nothing";
    case Type::scalar: return "a single value";
    case Type::sequence: return "a list";
    case Type::mapping: return "a mapping";
    }
    return "a value";
}

std::optional<YamlNode> parse_yaml(const std::string& path, std::string_view yaml, std::uint32_t first_line,
                                   Diagnostics& diags, YamlLimits limits) {
    TreeBuilder builder(first_line, limits);
    try {
        std::istringstream in{std::string(yaml)};
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const StopParsing& stop) {
        diags.error(path, stop.pos, stop.message, stop.hint);
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        // YAML's messages name its grammar ("illegal map value", "end of
        // sequence flow not found"); the usual cause in a post is a value
        // with ': ' or '#' in it, or a list left open.
        diags.error(path, builder.pos(e.mark), "malformed front matter: " + e.msg,
                    "put a value that holds ': ', ' #', '[' or '{' in double quotes, and close every [ and { "
                    "that is opened (the mistake is here or on a line above)");
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(path, {first_line, 1}, std::string("malformed front matter: ") + e.what());
        return std::nullopt;
    }
    if (!builder.root) {
        YamlNode empty;
        empty.pos = {first_line, 1};
        return empty;
    }
    return std::move(builder.root);
}

}  // namespace folio::read
