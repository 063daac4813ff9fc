package org.zengzhi.server.income;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.StorePageAccess;
import org.zengzhi.server.console.ConsoleCalls;

/**
 * The console's income history (收入明细): every kind of income from the ledger, paged, with totals per asset; a
 * participant's own, and a store's (its sales, vouchers and green points) for its owner or an operator.
 */
@Controller
class IncomePages {
    private static final int PAGE_SIZE = 20;

    private final IncomeHistory history;
    private final AccountStore accounts;

    IncomePages(IncomeHistory history, AccountStore accounts) {
        this.history = history;
        this.accounts = accounts;
    }

    @GetMapping("/console/income")
    String income(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        return show(me.getName(), IncomeHistory.USER, page, null, model);
    }

    /** The store's; a store's login reads its own, an operator names one. */
    @GetMapping("/console/merchant/income")
    String store(@RequestParam(required = false) String merchant, @RequestParam(defaultValue = "0") int page,
            Principal me, Model model) {
        return show(StorePageAccess.store(accounts, merchant, me), IncomeHistory.STORE, page, merchant, model);
    }

    private String show(String owner, String accounts, int page, String merchant, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute("income", ConsoleCalls.map(history.of(owner, accounts, shown, PAGE_SIZE)));
        model.addAttribute("store", IncomeHistory.STORE.equals(accounts) ? owner : null);
        model.addAttribute("merchantParam", merchant);
        model.addAttribute("page", shown);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "income";
    }
}
