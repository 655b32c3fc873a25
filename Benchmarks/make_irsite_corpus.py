#!/usr/bin/env python3
"""An IRSite Content/ folder equivalent to the shared benchmark corpus.

    make_irsite_corpus.py --releases N --out DIR [--seed S] [--corpus-script PATH] [--force]

The shared corpus generator (../shared/bench/make_corpus.py, imported by path)
writes release i as 25 KB of Markdown: prose, lists, links, headings,
autolinks, notes and four GFM pipe tables (operating data, statement of
operations, balance sheet, cash flows). This script turns each of those
releases into IRSite content:

- The commentary is the corpus's text, byte for byte, except that each pipe
  table becomes a ```statement block of the matching layout and three
  ```chart blocks are placed in it (total revenues; revenues by segment,
  stacked; contracted bandwidth, a KPI).
- The front matter becomes IRSite's: title, period (3001-Q2), `released:`
  (the corpus's date at 15:00 Tokyo time) and the dateline.
- The tables' figures become facts in periods/<period>.yaml, under four
  fixed layouts (statements/*.yaml) whose lines carry the corpus's own labels
  (IS_LABELS, BS_LABELS, CF_LABELS and SERVICES of make_corpus.py), 138
  rows in all (123 lines). A plain line takes the current-period JPY (or count) of the
  corpus row with its label; where the release's table has no such row it
  takes a seeded random value of the same magnitude. Totals, per-share
  figures and the other formula rows are *stated*, computed exactly here, so
  `irsite` checks each of them; the balance sheet balances (accumulated
  deficit is the plug), cash flow ends at the balance sheet's cash and starts
  at the previous quarter's (long-term borrowing proceeds are the plug), and
  EBITDA equals operating income plus depreciation.
- N releases need N + 4 period files: four older quarters of facts only give
  the oldest releases their prior-year and prior-quarter columns.

Release i is the corpus's release i (2001-Q2 minus i quarters) and its period
file depends only on (seed, i) and the cash of quarter i + 1, so the output
is deterministic and the content for N is a prefix of the content for any
larger N (the same bytes). Periods and release dates are YEAR_SHIFT (1,000)
years later than the corpus's, so that the oldest of 4,000 releases is still
in a fiscal year IRSite accepts (1900 to 9999); every release is published
before 3002, so build with any `--now` after that (the benchmark uses
3100-01-01T00:00:00+00:00).

Python 3 standard library only.
"""

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import time
from fractions import Fraction

HISTORY = 4  # quarters of facts only, older than the oldest release
# The corpus counts back from 2001 (release 4,000 is in 1001); IRSite accepts fiscal years 1900 to 9999,
# so every IRSite period and date is this many years later than the corpus's (the text keeps its own dates).
YEAR_SHIFT = 1000
MAX_RELEASES = 4000


def shifted_slug(slug):
    """The corpus's `1751-q2` as IRSite's `2751-q2`."""
    year, rest = slug.split("-", 1)
    return f"{int(year) + YEAR_SHIFT:04d}-{rest}"

# ------------------------------------------------------------------ layouts
#
# A row is a dict:
#   {"header": text, "indent": n}                       a section title
#   {"line": id, "label": text, "indent": n, ...}       a figure, with
#     "src":    the corpus label whose table row gives its value (plain lines)
#     "sign":   "pos" | "neg" | "keep": sign given to the corpus value
#     "sum":    [(+1|-1, line), ...]  a total (a calculation relation)
#     "formula": text  any other formula (evaluated by `derived` below)
#     "unit", "decimals", "from", "percent_sign": as in IRSite's layout files
#     "plug":   True: set by `plug` so that the layout's checks hold
#     "nullable": True: a "-" in the corpus table becomes null (not reported)


def H(text, indent=0):
    return {"header": text, "indent": indent}


def L(line, label, indent=0, **kw):
    row = {"line": line, "label": label, "indent": indent}
    row.update(kw)
    row.setdefault("src", label)
    return row


def S(line, label, terms, indent=0, **kw):
    """A total: `terms` is a list of line ids, '-' prefixed to subtract."""
    parsed = [(-1, t[1:]) if t.startswith("-") else (1, t) for t in terms]
    row = {"line": line, "label": label, "indent": indent, "sum": parsed}
    row.update(kw)
    return row


INCOME_STATEMENT = {
    "id": "income_statement",
    "title": "Consolidated Statements of Operations",
    "order": 1,
    "heading": "NIHON BACKBONE NETWORKS INC. CONSOLIDATED STATEMENTS OF OPERATIONS",
    "basis": "duration",
    "unit": "jpy_thousands",
    "unit_note": "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD) Except for Per Share and ADS Data)",
    "percent_of": "total_revenues",
    "translation": True,
    "groups": [("Year-over-year Comparison", 6), ("Sequential Comparison", 3)],
    "columns": [
        {"show": "translation"},
        {"show": "value"},
        {"show": "percent", "label": "% of rev."},
        {"show": "value", "period": "prior_year"},
        {"show": "percent", "period": "prior_year", "label": "% of rev."},
        {"show": "change", "base": "prior_year", "label": "YoY chg"},
        {"show": "value", "period": "prior_quarter"},
        {"show": "percent", "period": "prior_quarter", "label": "% of rev."},
        {"show": "change", "base": "prior_quarter", "label": "QoQ chg"},
    ],
    "rows": [
        H("Revenues:"),
        H("Connectivity and value-added services:", 1),
        L("dedicated_access_services", "Dedicated access services", 2, sign="pos", percent_sign=True),
        L("dial_up_access_services", "Dial-up access services", 2, sign="pos"),
        L("internet_data_center_services", "Internet data center services", 3, sign="pos"),
        L("other_value_added_services", "Other value-added services", 3, sign="pos"),
        S("total_value_added_services", "Total value-added services",
          ["internet_data_center_services", "other_value_added_services"], 2),
        L("other_connectivity_services", "Other", 2, sign="pos"),
        S("total_connectivity_and_value_added_services", "Total connectivity and value-added services",
          ["dedicated_access_services", "dial_up_access_services", "total_value_added_services",
           "other_connectivity_services"], 1),
        L("systems_integration_revenues", "Systems integration revenues", 1, sign="pos"),
        L("equipment_sales", "Equipment sales", 1, sign="pos"),
        S("total_revenues", "Total revenues",
          ["total_connectivity_and_value_added_services", "systems_integration_revenues", "equipment_sales"]),
        H("Costs and expenses:"),
        L("cost_of_connectivity_and_value_added_services", "Cost of connectivity and value-added services", 2, sign="pos"),
        L("cost_of_systems_integration_revenues", "Cost of systems integration revenues", 2, sign="pos"),
        L("cost_of_equipment_sales", "Cost of equipment sales", 2, sign="pos"),
        S("total_costs", "Total costs",
          ["cost_of_connectivity_and_value_added_services", "cost_of_systems_integration_revenues",
           "cost_of_equipment_sales"], 1),
        L("sales_and_marketing", "Sales and marketing", 1, sign="pos"),
        L("general_and_administrative", "General and administrative", 1, sign="pos"),
        L("research_and_development", "Research and development", 1, sign="pos"),
        S("total_costs_and_expenses", "Total costs and expenses",
          ["total_costs", "sales_and_marketing", "general_and_administrative", "research_and_development"]),
        S("operating_income", "Operating income (loss)", ["total_revenues", "-total_costs_and_expenses"]),
        H("Other income (expenses):"),
        L("interest_and_dividend_income", "Interest and dividend income", 1, sign="pos"),
        L("interest_expense", "Interest expense", 1, sign="pos"),
        L("foreign_exchange_gain_loss", "Foreign exchange gain (loss)", 1, sign="keep"),
        S("other_income_expenses", "Other income (expenses)",
          ["interest_and_dividend_income", "-interest_expense", "foreign_exchange_gain_loss"]),
        S("income_before_income_tax", "Income (loss) before income tax expense (benefit)",
          ["operating_income", "other_income_expenses"]),
        L("income_tax_expense_benefit", "Income tax expense (benefit)", sign="keep"),
        L("minority_interests", "Minority interests in consolidated subsidiaries", sign="keep"),
        L("equity_in_net_loss_of_affiliated_companies", "Equity in net loss of affiliated companies", sign="neg"),
        S("net_income", "Net income (loss)",
          ["income_before_income_tax", "-income_tax_expense_benefit", "minority_interests",
           "equity_in_net_loss_of_affiliated_companies"], percent_sign=True),
        L("basic_net_income_per_share", "Basic net income (loss) per share", unit="jpy", decimals=0,
          formula="net_income * 1000 / weighted_average_shares", src=None),
        L("basic_net_income_per_ads", "Basic net income (loss) per ADS equivalent", unit="jpy", decimals=2,
          formula="net_income * 1000 / weighted_average_ads", src=None),
        L("weighted_average_shares", "Weighted average number of shares", unit="shares", plug=True, src=None),
        L("weighted_average_ads", "Weighted average number of ADS equivalents", unit="shares", plug=True, src=None),
        L("ebitda", "EBITDA", plug=True, src=None),
    ],
    "checks": [("ebitda = operating_income + depreciation_and_amortization",
                "EBITDA is operating income (loss) plus depreciation and amortization")],
}

BALANCE_SHEET = {
    "id": "balance_sheet",
    "title": "Consolidated Balance Sheets",
    "order": 2,
    "heading": "NIHON BACKBONE NETWORKS INC. CONSOLIDATED BALANCE SHEETS",
    "basis": "instant",
    "unit": "jpy_thousands",
    "unit_note": "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD))",
    "percent_of": "total_assets",
    "translation": True,
    "columns": [
        {"show": "translation"},
        {"show": "value"},
        {"show": "percent", "label": "%"},
        {"show": "value", "period": "prior_year"},
        {"show": "percent", "period": "prior_year", "label": "%"},
        {"show": "value", "period": "prior_quarter"},
        {"show": "percent", "period": "prior_quarter", "label": "%"},
    ],
    "rows": [
        H("ASSETS"),
        H("Current assets:", 1),
        L("cash", "Cash", 2, sign="pos", percent_sign=True),
        L("short_term_investments", "Short-term investments", 2, sign="pos"),
        L("accounts_receivable", "Accounts receivable, net", 2, sign="pos"),
        L("inventories", "Inventories", 2, sign="pos"),
        L("prepaid_expenses", "Prepaid expenses", 2, sign="pos"),
        L("other_current_assets", "Other current assets", 2, sign="pos"),
        S("total_current_assets", "Total current assets",
          ["cash", "short_term_investments", "accounts_receivable", "inventories", "prepaid_expenses",
           "other_current_assets"], 1),
        L("investments_in_and_advances_to_affiliated_companies",
          "Investments in and advances to affiliated companies", 1, sign="pos"),
        L("other_investments", "Other investments", 1, sign="pos"),
        L("property_and_equipment", "Property and equipment, net", 1, sign="pos"),
        L("software", "Software, net", 1, sign="pos"),
        L("goodwill", "Goodwill", 1, sign="pos"),
        L("deferred_tax_assets", "Deferred tax assets", 1, sign="pos"),
        L("guarantee_deposits", "Guarantee deposits", 1, sign="pos"),
        L("lease_deposits", "Lease deposits", 1, sign="pos"),
        L("other_assets", "Other assets", 1, sign="pos"),
        S("total_assets", "Total assets",
          ["total_current_assets", "investments_in_and_advances_to_affiliated_companies", "other_investments",
           "property_and_equipment", "software", "goodwill", "deferred_tax_assets", "guarantee_deposits",
           "lease_deposits", "other_assets"], percent_sign=True),
        H("LIABILITIES AND SHAREHOLDERS' EQUITY"),
        H("Current liabilities:", 1),
        L("short_term_borrowings", "Short-term borrowings", 2, sign="pos", percent_sign=True),
        L("accounts_payable", "Accounts payable", 2, sign="pos"),
        L("accrued_expenses", "Accrued expenses", 2, sign="pos"),
        L("other_current_liabilities", "Other current liabilities", 2, sign="pos"),
        L("long_term_borrowings_current_portion", "Long-term borrowings - current portion", 2, sign="pos"),
        L("capital_lease_obligations_current_portion", "Capital lease obligations - current portion", 2, sign="pos"),
        S("total_current_liabilities", "Total current liabilities",
          ["short_term_borrowings", "accounts_payable", "accrued_expenses", "other_current_liabilities",
           "long_term_borrowings_current_portion", "capital_lease_obligations_current_portion"], 1),
        L("long_term_borrowings", "Long-term borrowings", 1, sign="pos"),
        L("convertible_notes", "Convertible notes", 1, sign="pos"),
        L("capital_lease_obligations_noncurrent", "Capital lease obligations - noncurrent", 1, sign="pos"),
        L("accrued_retirement_and_pension_costs", "Accrued retirement and pension costs", 1, sign="pos"),
        L("other_noncurrent_liabilities", "Other noncurrent liabilities", 1, sign="pos"),
        S("total_liabilities", "Total liabilities",
          ["total_current_liabilities", "long_term_borrowings", "convertible_notes",
           "capital_lease_obligations_noncurrent", "accrued_retirement_and_pension_costs",
           "other_noncurrent_liabilities"], 1),
        L("minority_interest_balance", "Minority interest", 1, sign="pos"),
        H("Shareholders' equity:", 1),
        L("common_stock", "Common stock", 2, sign="pos"),
        L("additional_paid_in_capital", "Additional paid-in capital", 2, sign="pos"),
        L("accumulated_deficit", "Accumulated deficit", 2, plug=True, src=None),
        L("accumulated_other_comprehensive_income", "Accumulated other comprehensive income", 2, sign="keep"),
        S("total_shareholders_equity", "Total shareholders' equity",
          ["common_stock", "additional_paid_in_capital", "accumulated_deficit",
           "accumulated_other_comprehensive_income"], 1),
        S("total_liabilities_and_shareholders_equity", "Total liabilities and shareholders' equity",
          ["total_liabilities", "minority_interest_balance", "total_shareholders_equity"], percent_sign=True),
    ],
    "checks": [("total_assets = total_liabilities_and_shareholders_equity",
                "Total assets must equal total liabilities and shareholders' equity")],
}

CASH_FLOW = {
    "id": "cash_flow",
    "title": "Condensed Consolidated Statements of Cash Flows",
    "order": 3,
    "heading": "NIHON BACKBONE NETWORKS INC. CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS",
    "basis": "duration",
    "unit": "jpy_thousands",
    "unit_note": "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD))",
    "translation": True,
    "columns": [
        {"show": "translation"},
        {"show": "value"},
        {"show": "value", "period": "prior_year"},
        {"show": "change", "base": "prior_year", "label": "YoY chg"},
        {"show": "value", "period": "prior_quarter"},
        {"show": "change", "base": "prior_quarter", "label": "QoQ chg"},
    ],
    "rows": [
        H("Operating activities:"),
        {"line": "net_income", "label": "Net income (loss)", "indent": 1, "from": "income_statement"},
        L("depreciation_and_amortization", "Depreciation and amortization", 1, sign="pos"),
        S("equity_in_net_loss_adjustment", "Equity in net loss of affiliated companies",
          ["-equity_in_net_loss_of_affiliated_companies"], 1),
        S("minority_interests_adjustment", "Minority interests in consolidated subsidiaries",
          ["-minority_interests"], 1),
        S("foreign_exchange_losses_gains", "Foreign exchange losses (gains)", ["-foreign_exchange_gain_loss"], 1),
        L("decrease_increase_in_accounts_receivable", "Decrease (increase) in accounts receivable", 1,
          sign="keep", nullable=True),
        L("increase_decrease_in_accounts_payable", "Increase (decrease) in accounts payable", 1,
          sign="keep", nullable=True),
        L("deferred_income_tax", "Deferred income tax", 1, sign="keep", nullable=True),
        L("other_operating_activities", "Other operating items", 1, sign="keep", nullable=True),
        S("net_cash_from_operating_activities", "Net cash provided by (used in) operating activities",
          ["net_income", "depreciation_and_amortization", "equity_in_net_loss_adjustment",
           "minority_interests_adjustment", "foreign_exchange_losses_gains",
           "decrease_increase_in_accounts_receivable", "increase_decrease_in_accounts_payable",
           "deferred_income_tax", "other_operating_activities"]),
        H("Investing activities:"),
        L("purchase_of_property_and_equipment", "Purchase of property and equipment", 1, sign="neg", nullable=True),
        L("investments_in_affiliated_companies_paid", "Investments in and advances to affiliated companies", 1,
          sign="neg", nullable=True),
        L("purchase_of_short_term_investments", "Purchase of short-term investments", 1, sign="neg", nullable=True),
        L("purchase_of_other_investments", "Purchase of other investments", 1, sign="neg", nullable=True),
        L("proceeds_from_redemption_of_short_term_investments", "Proceeds from redemption of short-term investments",
          1, sign="pos", nullable=True),
        L("payment_of_guarantee_deposits", "Payment of guarantee deposits - net", 1, sign="keep", nullable=True),
        L("other_investing_activities", "Other investing items", 1, sign="keep", nullable=True),
        S("net_cash_used_in_investing_activities", "Net cash used in investing activities",
          ["purchase_of_property_and_equipment", "investments_in_affiliated_companies_paid",
           "purchase_of_short_term_investments", "purchase_of_other_investments",
           "proceeds_from_redemption_of_short_term_investments", "payment_of_guarantee_deposits",
           "other_investing_activities"]),
        H("Financing activities:"),
        L("proceeds_from_long_term_borrowings", "Proceeds from long-term borrowings", 1, plug=True, src=None),
        L("repayments_of_long_term_borrowings", "Repayments of long-term borrowings", 1, sign="neg", nullable=True),
        L("principal_payments_under_capital_leases", "Principal payments under capital leases", 1,
          sign="neg", nullable=True),
        L("net_decrease_in_short_term_borrowings", "Net decrease in short-term borrowings", 1,
          sign="keep", nullable=True),
        L("proceeds_from_issuance_of_subsidiary_common_stock", "Proceeds from issuance of common stock of a subsidiary",
          1, sign="pos", nullable=True),
        S("net_cash_from_financing_activities", "Net cash provided by (used in) financing activities",
          ["proceeds_from_long_term_borrowings", "repayments_of_long_term_borrowings",
           "principal_payments_under_capital_leases", "net_decrease_in_short_term_borrowings",
           "proceeds_from_issuance_of_subsidiary_common_stock"]),
        # Not nullable: it is the only plain row of its relation, which absorbs rounding.
        L("effect_of_exchange_rate_changes_on_cash", "Effect of exchange rate changes on cash", sign="keep"),
        S("net_increase_decrease_in_cash", "Net increase (decrease) in cash",
          ["net_cash_from_operating_activities", "net_cash_used_in_investing_activities",
           "net_cash_from_financing_activities", "effect_of_exchange_rate_changes_on_cash"]),
        L("cash_beginning_of_period", "Cash, beginning of period", plug=True, src=None),
        S("cash_end_of_period", "Cash, end of period", ["cash_beginning_of_period", "net_increase_decrease_in_cash"]),
    ],
    "checks": [("cash_end_of_period = cash", "Cash at the end of the period must equal the balance sheet's cash"),
               ("cash_beginning_of_period = cash[prior_quarter]",
                "Cash at the beginning of the period must equal the previous quarter's ending cash")],
}

OPERATING_DATA = {
    "id": "operating_data",
    "title": "Table 1. Operating data",
    "order": 4,
    "basis": "instant",
    "unit": "count",
    "missing": "N/A",
    "percent_of": "total_contracts",
    "translation": False,
    "columns": [
        {"show": "value"},
        {"show": "value", "period": "prior_quarter"},
        {"show": "value", "period": "prior_year"},
        {"show": "change", "base": "prior_quarter", "label": "QoQ chg"},
        {"show": "change", "base": "prior_year", "label": "YoY chg"},
        {"show": "percent", "label": "Share"},
    ],
    "rows": [
        H("Dedicated access services"),
        L("ip_service_64k_128k", "IP Service 64kbps - 128kbps", 1, sign="pos", percent_sign=True),
        L("ip_service_192k_768k", "IP Service 192kbps - 768kbps", 1, sign="pos"),
        L("ip_service_1m_2m", "IP Service 1Mbps - 2Mbps", 1, sign="pos"),
        L("ip_service_3m_1_2g", "IP Service 3Mbps - 1.2Gbps", 1, sign="pos"),
        L("fiber_access_f", "Fiber Access/F", 1, sign="pos"),
        L("t1_standard", "T1 Standard 1.5Mbps", 1, sign="pos"),
        L("economy_64k_128k", "Economy 64kbps - 128kbps", 1, sign="pos"),
        L("dsl_f", "DSL/F Maximum 1.5Mbps", 1, sign="pos"),
        S("total_dedicated_access_contracts", "Total dedicated access contracts",
          ["ip_service_64k_128k", "ip_service_192k_768k", "ip_service_1m_2m", "ip_service_3m_1_2g",
           "fiber_access_f", "t1_standard", "economy_64k_128k", "dsl_f"]),
        H("Network and data center services"),
        L("wide_area_ethernet_10m", "Wide-area Ethernet 10Mbps", 1, sign="pos"),
        L("wide_area_ethernet_100m", "Wide-area Ethernet 100Mbps", 1, sign="pos"),
        L("metro_wave", "Metro Wave", 1, sign="pos"),
        L("data_center_racks", "Data center racks", 1, sign="pos"),
        L("data_center_suites", "Data center suites", 1, sign="pos"),
        L("managed_firewall", "Managed firewall", 1, sign="pos"),
        L("managed_vpn_sites", "Managed VPN sites", 1, sign="pos"),
        H("Hosting and consumer services"),
        L("mail_hosting_accounts", "Mail hosting accounts", 1, sign="pos"),
        L("web_hosting_accounts", "Web hosting accounts", 1, sign="pos"),
        L("dns_registrations", "DNS registrations", 1, sign="pos"),
        L("dial_up_individuals", "Dial-up (individuals)", 1, sign="pos"),
        L("dial_up_corporate", "Dial-up (corporate)", 1, sign="pos"),
        L("consumer_dsl", "Consumer DSL", 1, sign="pos"),
        L("consumer_ftth", "Consumer FTTH", 1, sign="pos"),
        S("total_contracts", "Total contracts",
          ["total_dedicated_access_contracts", "wide_area_ethernet_10m", "wide_area_ethernet_100m", "metro_wave",
           "data_center_racks", "data_center_suites", "managed_firewall", "managed_vpn_sites",
           "mail_hosting_accounts", "web_hosting_accounts", "dns_registrations", "dial_up_individuals",
           "dial_up_corporate", "consumer_dsl", "consumer_ftth"], percent_sign=True),
        L("contracted_bandwidth", "Contracted bandwidth (Gbps)", unit="gbps", decimals=1, sign="pos"),
    ],
    "checks": [],
}

# In the order the corpus prints its tables: operating data first, then the statements.
LAYOUTS = [OPERATING_DATA, INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW]
# The column of each corpus table that holds the current period's JPY (or count).
CURRENT_COLUMN = {"operating_data": 1, "income_statement": 2, "balance_sheet": 2, "cash_flow": 2}

TRANSLATION_NOTE = (
    "Note (1): The translations of Japanese yen amounts into US dollar amounts with respect to {period} "
    "are included solely for the convenience of readers outside Japan and have been made at the rate of "
    "JPY {rate} = $1, the approximate rate of exchange on {rate_date}.")

# The three charts of every release: (after which block of the commentary, spec).
CHART_TOTAL_REVENUES = """\
kind: bar
title: Total revenues
series: [total_revenues]
unit: jpy_millions
id: total-revenues
home: true
"""
CHART_SEGMENTS = """\
kind: stacked_bar
title: Revenues by segment
series: [total_connectivity_and_value_added_services, systems_integration_revenues, equipment_sales]
labels: { total_connectivity_and_value_added_services: Connectivity and value-added services }
unit: jpy_millions
id: revenue-by-segment
"""
CHART_BANDWIDTH = """\
kind: bar
title: Contracted bandwidth
series: [contracted_bandwidth]
id: contracted-bandwidth
"""

SITE_YAML = """\
# Generated by Benchmarks/make_irsite_corpus.py: the benchmark corpus of
# ../shared/bench/make_corpus.py as IRSite content (a fictional company).
company: Nihon Backbone Networks Inc.
short_name: NBN
listing: "Nasdaq: NBNJ"
language: en
base_url: https://ir.nbn.example/
time_zone: Asia/Tokyo
fiscal_year:
  start_month: 4
  named_for: start
currency: JPY
translation_currency: USD
figures:
  rounding: half_away_from_zero
  change_on_sign_flip: compute
  not_meaningful: n/m
  missing: "-"
  negative: parentheses
headline:
  - { line: total_revenues, label: Total revenues, unit: jpy_millions }
  - { line: operating_income, label: Operating income (loss), unit: jpy_millions }
  - { line: net_income, label: Net income (loss), unit: jpy_millions }
contacts:
  - heading: Investor Relations
    organization: Nihon Backbone Networks Inc.
    name: Akiko Nakamura
    role: Head of Investor Relations
    email: ir@ir.nbn.example
    phone: 81-3-5555-0100
summary:
  figures:
    - { line: total_revenues, label: Total revenues, unit: jpy_millions }
    - { line: operating_income, label: Operating income (loss), unit: jpy_millions }
    - { line: ebitda, label: EBITDA, unit: jpy_millions }
    - { line: net_income, label: Net income (loss), unit: jpy_millions }
    - { line: basic_net_income_per_ads, label: Basic net income (loss) per ADS equivalent (JPY) }
  segments:
    - { line: dedicated_access_services, label: Dedicated access services, unit: jpy_millions }
    - { line: dial_up_access_services, label: Dial-up access services, unit: jpy_millions }
    - { line: total_value_added_services, label: Value-added services, unit: jpy_millions }
    - { line: systems_integration_revenues, label: Systems integration, unit: jpy_millions }
    - { line: equipment_sales, label: Equipment sales, unit: jpy_millions }
    - { line: total_revenues, label: Total revenues, unit: jpy_millions }
  charts: [total-revenues, revenue-by-segment, contracted-bandwidth]
  safe_harbour: >-
    This summary contains forward-looking statements that are subject to risks and uncertainties;
    actual results may differ materially.
"""

# ------------------------------------------------------------ the corpus


def load_corpus(path):
    """Imports make_corpus.py from `path` (it is a script, not a package)."""
    if not os.path.isfile(path):
        sys.exit(f"make_irsite_corpus.py: the corpus generator is not at {path}; "
                 f"pass --corpus-script PATH (it is ../shared/bench/make_corpus.py beside the repository)")
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("release", "period_of", "quarter_end", "slug"):
        if not hasattr(module, name):
            sys.exit(f"make_irsite_corpus.py: {path} has no '{name}'; is it the benchmark corpus generator?")
    return module


def parse_number(cell):
    """'3,431,156' -> 3431156; '(632,302)' -> -632302; '9.1' -> Fraction(91, 10); '-' or 'N/A' -> None."""
    cell = cell.strip().strip("*")
    if cell in ("-", "N/A", ""):
        return None
    negative = cell.startswith("(") and cell.endswith(")")
    cell = cell.strip("()").replace(",", "")
    value = Fraction(cell)
    return -value if negative else value


def split_release(text):
    """The corpus release as (front matter dict, body blocks).

    Blocks are the body's paragraphs, split at blank lines (the corpus never
    puts a blank line inside a block), so joining them with blank lines gives
    the body back byte for byte; a pipe table is one block."""
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    front = {}
    for line in text[4:end].split("\n"):
        key, _, value = line.partition(": ")
        front[key] = value.strip('"')
    body = text[end + len("\n---\n"):]
    return front, body.split("\n\n")


def table_values(block, column):
    """{row label: value in `column`} of a pipe table (first occurrence of each label)."""
    values = {}
    for row in block.split("\n")[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        label = cells[0]
        if label.startswith("**") or label in values:
            continue  # a section row or the bold closing total; a repeated label
        values[label] = parse_number(cells[column])
    return values


class Release:
    """One corpus release, taken apart."""

    def __init__(self, corpus, seed, i):
        self.index = i
        self.slug, text = corpus.release(seed, i)
        self.front, self.blocks = split_release(text)
        tables = [k for k, b in enumerate(self.blocks) if b.startswith("| ")]
        if len(tables) != len(LAYOUTS):
            sys.exit(f"make_irsite_corpus.py: release {i} has {len(tables)} tables, expected {len(LAYOUTS)}; "
                     f"the corpus generator changed")
        self.table_blocks = dict(zip(tables, LAYOUTS))
        self.values = {layout["id"]: table_values(self.blocks[k], CURRENT_COLUMN[layout["id"]])
                       for k, layout in self.table_blocks.items()}

# ---------------------------------------------------------------- figures


def rows_of(layout):
    return [r for r in layout["rows"] if "line" in r]


def home_rows(layout):
    """The rows whose facts are typed under this layout (not shown `from` another)."""
    return [r for r in rows_of(layout) if "from" not in r]


def round_half_away(x, places):
    """A Fraction rounded to `places` decimals, half away from zero, as a Fraction."""
    scale = 10 ** places
    n = abs(x) * scale
    whole = int(n)
    if n - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if x >= 0 else -whole, scale)


def fmt_fact(value, places):
    """A fact as YAML: 'null', an integer, or a decimal with exactly `places` digits."""
    if value is None:
        return "null"
    if places == 0:
        assert value.denominator == 1, value
        return str(value.numerator)
    scaled = value * 10 ** places
    assert scaled.denominator == 1, value
    n = scaled.numerator
    sign = "-" if n < 0 else ""
    digits = str(abs(n)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def magnitude(values):
    """The median absolute value of a table's figures: the scale for made-up ones."""
    xs = sorted(abs(v) for v in values if v is not None and v != 0)
    return xs[len(xs) // 2] if xs else Fraction(100000)


def plain_facts(release, seed):
    """The plain (non-formula, non-plug) facts of a release's period, by line id."""
    rng = random.Random(f"irsite-bench:{seed}:{release.index}")
    facts = {}
    for layout in LAYOUTS:
        table = release.values[layout["id"]]
        scale = magnitude(table.values())
        for row in home_rows(layout):
            if "sum" in row or "formula" in row or row.get("plug"):
                continue
            line, places = row["line"], row.get("decimals", 0)
            if row["src"] in table:
                value = table[row["src"]]
                if value is None:
                    facts[line] = None if row.get("nullable") else Fraction(0)
                    continue
            elif row.get("unit") == "gbps":
                value = Fraction(rng.randint(5, 120), 10)
            else:
                # Not in this release's table: a value of the table's magnitude.
                value = round_half_away(scale * Fraction(rng.randint(20, 180), 100), 0)
                if row["sign"] == "keep" and rng.random() < 0.3:
                    value = -value
            if row["sign"] == "pos":
                value = abs(value)
            elif row["sign"] == "neg":
                value = -abs(value)
            facts[line] = round_half_away(value, places)
    # Share counts: a few tens of thousands of shares, 2,000 ADS equivalents each.
    facts["weighted_average_shares"] = Fraction(rng.randint(20000, 60000))
    facts["weighted_average_ads"] = facts["weighted_average_shares"] * 2000
    return facts


def derive(facts, rows):
    """Adds every total of `rows` to `facts`, in row order (null counts as zero)."""
    for row in rows:
        if "sum" in row:
            facts[row["line"]] = sum((sign * (facts.get(term) or 0) for sign, term in row["sum"]), Fraction(0))
        elif "formula" in row:
            # net_income * 1000 / weighted_average_<shares|ads>, to the row's decimals.
            numerator, _, denominator = row["formula"].partition(" * 1000 / ")
            facts[row["line"]] = round_half_away(facts[numerator] * 1000 / facts[denominator], row["decimals"])


def foots(facts, relation, rate):
    """Whether an income statement relation of totals foots as printed: in USD at `rate` (to the
    unit) and in % of total revenues (to 0.1), each figure rounded on its own."""
    row = next(r for r in INCOME_STATEMENT["rows"] if r.get("line") == relation)
    for scale, places in ((1 / rate, 0), (100 / facts["total_revenues"], 1)):
        def printed(line):
            return round_half_away(facts[line] * scale, places)
        if printed(relation) != sum((sign * printed(term) for sign, term in row["sum"]), Fraction(0)):
            return False
    return True


def period_facts(release, seed, cash, previous_cash, rate):
    """Every fact of the release's period, stated totals included, with the plugs set so the checks hold.

    `cash` is this quarter's balance-sheet cash (the corpus's), `previous_cash` the quarter before's,
    `rate` the convenience translation's JPY per USD."""
    facts = plain_facts(release, seed)
    facts["cash"] = cash
    facts["cash_beginning_of_period"] = previous_cash
    # Two relations of the income statement are made of totals only, each printed rounded on its
    # own, so no plain row can absorb a rounding difference in the USD or % column (IRSite rightly
    # warns when they do not foot). Nudge one plain line under each, by a few thousand yen, until
    # they foot; the second nudge leaves the first relation alone. The nudges are seeded random
    # amounts up to about 0.1% of revenues: enough to move the % figures by a few tenths of their
    # last digit, and not a multiple of the rate.
    derive(facts, rows_of(INCOME_STATEMENT))
    reach = int(facts["total_revenues"] / 1000) + 100
    rng = random.Random(f"irsite-bench-nudge:{seed}:{release.index}")
    for relation, nudged in (("operating_income", "other_connectivity_services"),
                             ("income_before_income_tax", "interest_and_dividend_income")):
        base = facts[nudged]
        for k in range(1000):
            facts[nudged] = base + (rng.randint(0, reach) if k else 0)
            derive(facts, rows_of(INCOME_STATEMENT))
            if foots(facts, relation, rate):
                break
        else:
            sys.exit(f"make_irsite_corpus.py: cannot make {relation} foot in release {release.index}")
    # The plugs: first every total without them, then each takes the difference its check needs.
    facts["ebitda"] = Fraction(0)
    facts["accumulated_deficit"] = Fraction(0)
    facts["proceeds_from_long_term_borrowings"] = Fraction(0)
    for layout in LAYOUTS:
        derive(facts, rows_of(layout))
    facts["ebitda"] = facts["operating_income"] + facts["depreciation_and_amortization"]
    # The balance sheet balances: the accumulated deficit takes the difference.
    facts["accumulated_deficit"] = facts["total_assets"] - facts["total_liabilities_and_shareholders_equity"]
    # Cash flow ends at the balance sheet's cash: long-term borrowings take the difference.
    facts["proceeds_from_long_term_borrowings"] = cash - facts["cash_end_of_period"]
    for layout in LAYOUTS:
        derive(facts, rows_of(layout))
    assert facts["total_assets"] == facts["total_liabilities_and_shareholders_equity"]
    assert facts["cash_end_of_period"] == cash
    return facts


def balance_sheet_cash(release, seed):
    value = release.values["balance_sheet"].get("Cash")
    if value is None:
        value = Fraction(random.Random(f"irsite-bench-cash:{seed}:{release.index}").randint(10**6, 10**7))
    return abs(value)

# ------------------------------------------------------------------ files


def q(text):
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def layout_yaml(layout):
    out = ["# Generated by Benchmarks/make_irsite_corpus.py.",
           f"title: {q(layout['title'])}", f"order: {layout['order']}"]
    if "heading" in layout:
        out.append(f"heading: {q(layout['heading'])}")
    out += [f"basis: {layout['basis']}", f"unit: {layout['unit']}"]
    for key in ("unit_note", "percent_of", "missing"):
        if key in layout:
            out.append(f"{key}: {q(layout[key])}")
    if layout["translation"]:
        out.append(f"translation_note: {q(TRANSLATION_NOTE)}")
    if layout.get("groups"):
        out.append("groups:")
        out += [f"  - {{ label: {q(label)}, columns: {n} }}" for label, n in layout["groups"]]
    out.append("columns:")
    for c in layout["columns"]:
        out.append("  - { " + ", ".join(f"{k}: {q(v) if k == 'label' else v}" for k, v in c.items()) + " }")
    out.append("rows:")
    for r in layout["rows"]:
        if "header" in r:
            fields = [f"header: {q(r['header'])}"]
        else:
            fields = [f"line: {r['line']}", f"label: {q(r['label'])}"]
        if r["indent"]:
            fields.append(f"indent: {r['indent']}")
        for key in ("from", "unit", "decimals"):
            if key in r:
                fields.append(f"{key}: {r[key]}")
        if r.get("percent_sign"):
            fields.append("percent_sign: true")
        if "sum" in r:
            terms = " ".join(f"{'-' if s < 0 else '+'} {t}" for s, t in r["sum"])
            fields.append(f"formula: {q(terms[2:] if terms.startswith('+ ') else '-' + terms[2:])}")
        elif "formula" in r:
            fields.append(f"formula: {q(r['formula'])}")
        out.append("  - { " + ", ".join(fields) + " }")
    if layout["checks"]:
        out.append("checks:")
        out += [f"  - {{ formula: {q(f)}, message: {q(m)} }}" for f, m in layout["checks"]]
    return "\n".join(out) + "\n"


def translation_rate(seed, i):
    """The period's JPY per USD, 105.00 to 135.00."""
    return Fraction(random.Random(f"irsite-bench-rate:{seed}:{i}").randint(10500, 13500), 100)


def period_yaml(corpus, i, facts, rate):
    fy, quarter = corpus.period_of(i)
    y, m, d = corpus.quarter_end(fy, quarter)
    fy, y = fy + YEAR_SHIFT, y + YEAR_SHIFT
    out = ["# Generated by Benchmarks/make_irsite_corpus.py from the corpus's release "
           f"{corpus.slug(fy, quarter)} (figures in each layout's unit).",
           f"fiscal_year: {fy}", f"quarter: {quarter}",
           "translation:", f"  rate: {fmt_fact(rate, 2)}", f"  date: {y:04d}-{m:02d}-{d:02d}",
           "facts:"]
    for layout in LAYOUTS:
        out.append(f"  {layout['id']}:")
        for row in home_rows(layout):
            out.append(f"    {row['line']}: {fmt_fact(facts[row['line']], row.get('decimals', 0))}")
    return "\n".join(out) + "\n"


def release_markdown(release):
    """The corpus release with IRSite front matter, statement embeds for its tables and three charts."""
    f = release.front
    year, quarter = f["period"].split("-Q")
    date_year, date_rest = f["date"].split("-", 1)
    front = ["---", f"title: {q(f['title'])}", f"period: {int(year) + YEAR_SHIFT}-Q{quarter}",
             f"released: {int(date_year) + YEAR_SHIFT:04d}-{date_rest}T15:00:00+09:00", "dateline: Tokyo and New York", "---"]
    blocks = []
    for k, block in enumerate(release.blocks):
        if k in release.table_blocks:
            layout = release.table_blocks[k]["id"]
            blocks.append(f"```statement\nlayout: {layout}\n```")
            if layout == "operating_data":
                blocks.append(f"```chart\n{CHART_BANDWIDTH}```")
            continue
        blocks.append(block)
        if block.startswith("(\\*) EBITDA represents"):
            blocks.append(f"```chart\n{CHART_TOTAL_REVENUES}```")
        elif block.startswith("### Company Information"):
            # Just before the company profile's heading.
            blocks.insert(len(blocks) - 1, f"```chart\n{CHART_SEGMENTS}```")
    body = "\n\n".join(blocks)
    assert body.count("```chart") == 3, release.slug
    return "\n".join(front) + "\n" + body


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_corpus = os.path.normpath(os.path.join(here, "..", "..", "shared", "bench", "make_corpus.py"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Writes DIR/site.yaml, DIR/statements/, DIR/periods/, DIR/releases/.")
    ap.add_argument("--releases", type=int, required=True, metavar="N", help=f"number of releases (1..{MAX_RELEASES})")
    ap.add_argument("--out", required=True, metavar="DIR", help="the Content folder to write (new or empty)")
    ap.add_argument("--seed", type=int, default=None, help="the corpus seed (default: make_corpus.py's)")
    ap.add_argument("--corpus-script", default=default_corpus, metavar="PATH",
                    help=f"make_corpus.py (default: {default_corpus})")
    ap.add_argument("--force", action="store_true",
                    help="replace DIR's site.yaml, statements/, periods/ and releases/ if DIR is not empty")
    a = ap.parse_args(argv)
    if not 1 <= a.releases <= MAX_RELEASES:
        ap.error(f"--releases must be 1..{MAX_RELEASES} (with YEAR_SHIFT, every fiscal year stays in IRSite's 1900 to 9999)")
    corpus = load_corpus(a.corpus_script)
    seed = corpus.DEFAULT_SEED if a.seed is None else a.seed

    if os.path.isdir(a.out) and os.listdir(a.out):
        if not a.force:
            ap.error(f"{a.out} is not empty; pass --force to replace its content")
        for sub in ("statements", "periods", "releases"):
            shutil.rmtree(os.path.join(a.out, sub), ignore_errors=True)
    for sub in ("statements", "periods", "releases"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)

    started = time.monotonic()
    write(os.path.join(a.out, "site.yaml"), SITE_YAML)
    for layout in LAYOUTS:
        write(os.path.join(a.out, "statements", layout["id"] + ".yaml"), layout_yaml(layout))

    # Quarter i's cash flow starts at quarter i + 1's cash, so read one release ahead.
    current = Release(corpus, seed, 0)
    markdown_bytes = 0
    for i in range(a.releases + HISTORY):
        older = Release(corpus, seed, i + 1)
        rate = translation_rate(seed, i)
        facts = period_facts(current, seed, balance_sheet_cash(current, seed), balance_sheet_cash(older, seed), rate)
        write(os.path.join(a.out, "periods", shifted_slug(current.slug) + ".yaml"), period_yaml(corpus, i, facts, rate))
        if i < a.releases:
            text = release_markdown(current)
            markdown_bytes += len(text.encode("utf-8"))
            write(os.path.join(a.out, "releases", shifted_slug(current.slug) + ".md"), text)
        current = older
    elapsed = time.monotonic() - started
    print(f"make_irsite_corpus.py: {a.releases} releases ({markdown_bytes / a.releases / 1024:.1f} KiB of "
          f"Markdown each) and {a.releases + HISTORY} period files in {a.out} ({elapsed:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
