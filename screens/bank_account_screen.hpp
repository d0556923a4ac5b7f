// Bank account (guide 【12】, see DESIGN.md): bank and branch chosen from the
// Zengin data set by name, kana or code (or ゆうちょ 記号・番号 converted),
// account type, 7-digit number, holder typed in katakana; a confirmation
// step shows the Zengin half-width holder and the masked number before
// saving. Once saved the number is only ever shown as ****567.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/datasets/bank_directory.hpp"
#include "data/model/bank_account.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

struct BankAccountInput;

class BankAccountScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::bank_account; }
    std::string title_key() const override { return "bank.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class Step { view, form, confirm };

    void reload(ScreenContext& ctx);
    void start_form(const BankAccount* from);
    void draw_view(Ui& ui, ScreenContext& ctx);
    void draw_form(Ui& ui, ScreenContext& ctx);
    void draw_bank_choice(Ui& ui, ScreenContext& ctx);
    void draw_branch_choice(Ui& ui, ScreenContext& ctx);
    void draw_yucho(Ui& ui, ScreenContext& ctx);
    void draw_padded_number(Ui& ui);
    void draw_confirm(Ui& ui, ScreenContext& ctx);
    void review(Ui& ui, ScreenContext& ctx);
    void save(Ui& ui, ScreenContext& ctx);
    void show_errors(const std::vector<Error>& errors);
    void clear_errors();
    void forget_number();  // the typed number leaves memory once saved or abandoned
    void field_errors(Ui& ui, const std::string& field);
    BankAccountInput input() const;

    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // the delete confirmation checks it
    Step step_ = Step::form;
    std::optional<BankAccount> saved_;
    int mode_ = 0;  // 0 = bank / shinkin…, 1 = ゆうちょ 記号・番号

    TextField bank_query_{FieldKind::text, 40, true};
    std::string bank_query_seen_;
    std::vector<Bank> bank_results_;
    std::optional<Bank> bank_;

    TextField branch_query_{FieldKind::text, 40, true};
    std::string branch_query_seen_;
    std::vector<Branch> branch_results_;
    std::optional<Branch> branch_;

    TextField kigo_{FieldKind::digits, 6, true};
    TextField bango_{FieldKind::digits, 9, true};
    std::string yucho_summary_;

    int type_ = 0;  // 普通 / 当座 / 貯蓄
    TextField number_{FieldKind::digits, 8, true};
    TextField holder_family_{FieldKind::katakana, 30, true};
    TextField holder_given_{FieldKind::katakana, 30, false};
    Errors other_errors_;  // errors of choices that are not text fields

    BankAccount pending_;  // the checked account shown on the confirmation step
    std::size_t zeros_padded_ = 0;  // zeros put in front of a short number (told on the confirmation)
};

}  // namespace madoguchi
