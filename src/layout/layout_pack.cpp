#include "layout/layout_pack.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include "layout/flow.hpp"
#include "layout/paginate.hpp"
#include "layout/type_context.hpp"
#include "version.hpp"

namespace folio {

Result<Layout> layout_pack(const Pack& pack, const Style& style, const LayoutOptions& options) {
    const size_t n = pack.posts.size();
    const int threads = static_cast<int>(std::clamp<size_t>(static_cast<size_t>(std::max(1, options.threads)), 1, std::max<size_t>(1, n)));
    std::vector<std::optional<Result<PostFlow>>> flows(n);
    std::vector<std::unique_ptr<TypeContext>> contexts(static_cast<size_t>(threads));
    std::vector<std::string> context_errors(static_cast<size_t>(threads));

    // Each worker owns its TypeContext and takes every threads-th post, so
    // the work split never depends on timing.
    auto work = [&](int t) {
        const auto slot = static_cast<size_t>(t);
        auto created = TypeContext::create(options.resources);
        if (!created) {
            context_errors[slot] = created.error();
            for (size_t i = slot; i < n; i += static_cast<size_t>(threads)) flows[i].emplace(Error{created.error()});
            return;
        }
        contexts[slot] = std::move(created.value());
        for (size_t i = slot; i < n; i += static_cast<size_t>(threads))
            flows[i].emplace(flow_post(*contexts[slot], style, pack.posts[i], static_cast<int>(i)));
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::jthread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    }

    Layout layout;
    Galley galley;
    PaginateInput input;
    input.pack_title = pack.title;
    for (size_t i = 0; i < n; ++i) {
        if (!flows[i]->ok()) return Error{flows[i]->error()};
        PostFlow& f = flows[i]->value();
        append_galley(galley, std::move(f.galley));
        for (auto& o : f.outline) layout.outline.push_back(std::move(o));
        input.post_titles.push_back(pack.posts[i].meta.title);
    }
    if (!contexts[0]) return Error{context_errors[0]};
    layout.pages = paginate(*contexts[0], style, std::move(galley), input);

    layout.info.title = pack.title;
    layout.info.subject = pack.subtitle;
    layout.info.author = pack.site.name;
    std::vector<std::string> tags;
    for (const auto& p : pack.posts)
        for (const auto& t : p.meta.tags)
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    std::sort(tags.begin(), tags.end());
    for (size_t i = 0; i < tags.size(); ++i) layout.info.keywords += (i ? ", " : "") + tags[i];
    layout.info.creator = std::string("folio ") + folio::version;
    layout.info.create_date = options.create_date;
    return layout;
}

}  // namespace folio
