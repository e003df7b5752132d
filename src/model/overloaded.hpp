#pragma once
// The usual visitor helper: std::visit(Overloaded{[](const A&){}, ...}, v).
namespace folio {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace folio
