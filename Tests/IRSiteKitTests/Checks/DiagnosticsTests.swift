import XCTest
@testable import IRSiteKit

/// Every error path of loading and checking, with its message and location.
final class DiagnosticsTests: XCTestCase {
    func testSampleContentHasNoErrorsAndReportsTheSeedsInconsistencies() throws {
        let diagnostics = try TestContent().check()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.message)
        XCTAssertTrue(warnings.contains { $0.hasPrefix("2Q01: ebitda = operating_income + depreciation_and_amortization does not hold: 712,000 vs 742,276") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("'3Q01 earnings release' is dated February 12, 2001, before the release itself (November 13, 2001)") })
        XCTAssertTrue(warnings.contains { $0.contains("quiet period 'Quiet period' is dated February 1, 2001") })
        XCTAssertTrue(warnings.contains { $0.hasPrefix("2Q00 'total_dial_up_access_services_contracts' is stated as 157,168 but its components sum to 157,170") })
        let notes = diagnostics.filter { $0.severity == .note }.map(\.message)
        XCTAssertEqual(notes.count, 5)
        XCTAssertTrue(notes.contains("override: 2Q01 balance_sheet 'total_current_assets' translation prints 160,687 (computed 160,688)"), "\(notes)")
        XCTAssertTrue(notes.contains("override: 2Q00 balance_sheet 'total_current_liabilities' % of total_assets prints 25.4 (computed 25.5)"))
    }

    func testMissingSiteFile() throws {
        var content = try TestContent()
        content.files.site = nil
        XCTAssertEqual(content.errors(), ["Content/site.yaml:1:1: error: missing file: every site needs a site.yaml (company, fiscal year, currency)"])
    }

    func testBadYAML() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "fiscal_year: 2001", with: "fiscal_year: [2001")
        let errors = content.errors()
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors[0].hasPrefix("Content/periods/2001-q2.yaml:"), errors[0])
        XCTAssertTrue(errors[0].contains(": error: invalid YAML: "), errors[0])
    }

    func testUnknownKeySuggestsTheKnownOne() throws {
        var content = try TestContent()
        content.edit("statements/income_statement.yaml", replacing: "unit_note:", with: "unit_nte:")
        let line = content.line(of: "unit_nte", in: "statements/income_statement.yaml")
        XCTAssertEqual(content.errors(), ["Content/statements/income_statement.yaml:\(line):1: error: unknown key 'unit_nte'; did you mean 'unit_note'?"])
    }

    func testWrongType() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "quarter: 2", with: "quarter: second")
        let line = content.line(of: "quarter: second", in: "periods/2001-q2.yaml")
        XCTAssertEqual(content.errors(), ["Content/periods/2001-q2.yaml:\(line):10: error: expected an integer, found 'second'"])
    }

    func testFactNotANumber() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "dedicated_access_services: 3431156", with: "dedicated_access_services: 3,431,156")
        let line = content.line(of: "dedicated_access_services: 3,431,156", in: "periods/2001-q2.yaml")
        let column = content.column(of: "3,431,156", in: "periods/2001-q2.yaml")
        let errors = content.errors()
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first, "Content/periods/2001-q2.yaml:\(line):\(column): error: expected a plain number such as 3431156, -632302 or 6.4 (no separators, no parentheses), found '3,431,156'")
    }

    func testUnknownLineInFacts() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "dedicated_access_services: 3431156", with: "dedicated_acess_services: 3431156")
        let line = content.line(of: "dedicated_acess_services", in: "periods/2001-q2.yaml")
        let column = content.column(of: "3431156", in: "periods/2001-q2.yaml")
        XCTAssertEqual(content.errors(), ["Content/periods/2001-q2.yaml:\(line):\(column): error: unknown line 'dedicated_acess_services'; did you mean 'dedicated_access_services'?"])
    }

    func testUnknownLineInFormula() throws {
        var content = try TestContent()
        content.edit("statements/income_statement.yaml", replacing: "formula: total_revenues - total_costs_and_expenses",
                     with: "formula: total_revenues - total_cost_and_expenses")
        let line = content.line(of: "total_cost_and_expenses", in: "statements/income_statement.yaml")
        let column = content.column(of: "total_cost_and_expenses", in: "statements/income_statement.yaml")
        XCTAssertEqual(content.errors(), ["Content/statements/income_statement.yaml:\(line):\(column): error: unknown line 'total_cost_and_expenses' in formula; did you mean 'total_costs_and_expenses'?"])
    }

    func testReleaseForAPeriodWithoutFacts() throws {
        var content = try TestContent()
        content.edit("releases/2001-q2.md", replacing: "period: 2001-Q2", with: "period: 2001-Q3")
        let line = content.line(of: "released:", in: "releases/2001-q2.md")
        let errors = content.errors()
        XCTAssertTrue(errors.contains("Content/releases/2001-q2.md:\(line):11: error: release for 3Q01 has no facts: add periods/2001-q3.yaml"), "\(errors)")
    }

    func testUnknownPeriodSyntax() throws {
        var content = try TestContent()
        content.edit("releases/2001-q2.md", replacing: "period: 2001-Q2", with: "period: Q2 2001")
        let line = content.line(of: "period: Q2 2001", in: "releases/2001-q2.md")
        XCTAssertEqual(content.errors(), ["Content/releases/2001-q2.md:\(line):9: error: expected a fiscal period such as 2001-Q2, found 'Q2 2001'"])
    }

    func testTotalThatDoesNotFoot() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "total_revenues: 9528307", with: "total_revenues: 9528407")
        let line = content.line(of: "total_revenues: 9528407", in: "periods/2001-q2.yaml")
        let column = content.column(of: "9528407", in: "periods/2001-q2.yaml")
        let opLine = content.line(of: "operating_income: 15998", in: "periods/2001-q2.yaml")
        let opColumn = content.column(of: "15998", in: "periods/2001-q2.yaml")
        // The stated total is wrong, and so is operating income computed from it: both are reported.
        XCTAssertEqual(content.errors(), [
            "Content/periods/2001-q2.yaml:\(line):\(column): error: 2Q01 'total_revenues' is stated as 9,528,407 but its components sum to 9,528,307 (difference 100)",
            "Content/periods/2001-q2.yaml:\(opLine):\(opColumn): error: 2Q01 'operating_income' is stated as 15,998 but its components sum to 16,098 (difference (100))",
        ])
    }

    func testUnknownLayoutInAStatementBlock() throws {
        var content = try TestContent()
        content.edit("releases/2001-q2.md", replacing: "layout: balance_sheet", with: "layout: balance_sheets")
        let line = content.line(of: "layout: balance_sheets", in: "releases/2001-q2.md")
        XCTAssertEqual(content.errors(), ["Content/releases/2001-q2.md:\(line):9: error: unknown layout 'balance_sheets'; did you mean 'balance_sheet'?"])
    }

    func testBalanceSheetIdentity() throws {
        var content = try TestContent()
        // One more thousand yen of cash, carried through both asset totals: the balance sheet no longer balances,
        // and the cash flow's ending cash no longer matches it.
        content.edit("periods/2001-q2.yaml", replacing: "    cash: 11411967", with: "    cash: 11411968")
        content.edit("periods/2001-q2.yaml", replacing: "total_current_assets: 19158786", with: "total_current_assets: 19158787")
        content.edit("periods/2001-q2.yaml", replacing: "total_assets: 44635531", with: "total_assets: 44635532")
        let errors = content.errors().map { String($0.split(separator: " ", maxSplits: 1)[1]) }
        XCTAssertEqual(errors, [
            "error: 2Q01: total_assets = total_liabilities_and_shareholders_equity does not hold: 44,635,532 vs 44,635,531 JPY in thousands (difference 1); Total assets must equal total liabilities and shareholders' equity",
            "error: 2Q01: cash_end_of_period = cash does not hold: 11,411,967 vs 11,411,968 JPY in thousands (difference (1)); Cash at the end of the period must equal the balance sheet's cash",
        ])
    }

    func testPeriodFileNamedForAnotherPeriod() throws {
        var content = try TestContent()
        content.edit("periods/2001-q1.yaml", replacing: "quarter: 1", with: "quarter: 2")
        let line = content.line(of: "fiscal_year: 2001", in: "periods/2001-q1.yaml")
        XCTAssertEqual(content.errors(), ["Content/periods/2001-q1.yaml:\(line):14: error: this file declares 2Q01 (fiscal_year 2001, quarter 2); name it 2001-q2.yaml so the period is found by its name"])
    }

    func testDuplicatePeriodAcrossExtensions() throws {
        var content = try TestContent()
        var copy = try XCTUnwrap(content.files.periods.first { $0.path.hasSuffix("2001-q2.yaml") })
        copy = ContentFiles.File(path: "Content/periods/2001-q2.yml", text: copy.text)
        content.files.periods.append(copy)
        XCTAssertTrue(content.errors().contains { $0.hasPrefix("Content/periods/2001-q2.yml:") && $0.contains("error: period 2Q01 is already defined in Content/periods/2001-q2.yaml") }, "\(content.errors())")
    }

    func testForgottenFactIsAnError() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "    other_dial_up_contracts: 86123\n", with: "")
        XCTAssertTrue(content.errors().contains("Content/periods/2001-q2.yaml:1:1: error: 2Q01 has no fact for 'other_dial_up_contracts' (contracts), which the 2Q01 release prints; write 'other_dial_up_contracts: null' if it was not reported"), "\(content.errors())")
    }

    func testOverrideTypoIsAnError() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "total_current_assets: { translation: 160687 }", with: "total_current_assets: { translation: 160678 }")
        let line = content.line(of: "translation: 160678", in: "periods/2001-q2.yaml")
        XCTAssertEqual(content.errors(), ["Content/periods/2001-q2.yaml:\(line):27: error: override of 2Q01 balance_sheet 'total_current_assets' translation prints 160,678 but the computed figure is 160,688: an override may differ by one unit in the last digit"])
    }

    func testDivisionByZero() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "weighted_average_ads: 44960000", with: "weighted_average_ads: 0")
        content.edit("periods/2001-q2.yaml", replacing: "    basic_net_loss_per_ads: -68.61\n", with: "")
        XCTAssertTrue(content.errors().contains { $0.hasSuffix("error: 2Q01: 'basic_net_loss_per_ads' divides by zero, so it would print as missing; check its operands") }, "\(content.errors())")
    }

    func testMisspeltKeyIsNamedInsteadOfTheMissingOne() throws {
        var content = try TestContent()
        content.edit("statements/balance_sheet.yaml", replacing: "label: \"Cash\"", with: "lable: \"Cash\"")
        let line = content.line(of: "lable", in: "statements/balance_sheet.yaml")
        let column = content.column(of: "lable", in: "statements/balance_sheet.yaml")
        XCTAssertEqual(content.errors(), ["Content/statements/balance_sheet.yaml:\(line):\(column): error: unknown key 'lable'; did you mean 'label'?"])
    }

    func testUnknownChoiceListsTheChoices() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "rounding: half_away_from_zero", with: "rounding: half_up")
        let line = content.line(of: "half_up", in: "site.yaml")
        let column = content.column(of: "half_up", in: "site.yaml")
        XCTAssertEqual(content.errors(), ["Content/site.yaml:\(line):\(column): error: unknown value 'half_up'; expected one of: half_away_from_zero, truncate"])
    }

    func testDuplicateKeyPointsAtTheSecond() throws {
        var content = try TestContent()
        content.edit("periods/2001-q2.yaml", replacing: "    cash: 11411967\n", with: "    cash: 11411967\n    cash: 11411967\n")
        let first = content.line(of: "    cash: 11411967", in: "periods/2001-q2.yaml")
        XCTAssertEqual(content.errors(), ["Content/periods/2001-q2.yaml:\(first + 1):1: error: duplicate key 'cash' (first on line \(first))"])
    }

    func testMarkdownFindingsAreLocatedWarnings() throws {
        var content = try TestContent()
        content.edit("releases/2001-q2.md", replacing: "## The 2nd Quarter of FY2001 Results Summary", with: "# The 2nd Quarter of FY2001 Results Summary\n\n<div>kept?</div>")
        let line = content.line(of: "# The 2nd Quarter", in: "releases/2001-q2.md")
        let warnings = content.check().filter { $0.severity == .warning }.map(\.description)
        XCTAssertTrue(warnings.contains("Content/releases/2001-q2.md:\(line):1: warning: a '#' heading makes a second <h1>: the release title is the page's heading; use '##'"), "\(warnings)")
        XCTAssertTrue(warnings.contains("Content/releases/2001-q2.md:\(line + 2):1: warning: raw HTML is left out of the page; write Markdown, or set raw_html: true in site.yaml"), "\(warnings)")
    }

    func testWindowsLineEndings() throws {
        var content = try TestContent()
        for i in content.files.releases.indices {
            content.files.releases[i] = ContentFiles.File(path: content.files.releases[i].path,
                                                          text: content.files.releases[i].text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        XCTAssertEqual(content.errors(), [])
    }

    func testTheReportListsEachFindingOnceInFileOrder() {
        let at = SourceLocation(file: "Content/statements/income_statement.yaml", line: 45, column: 74)
        let footing = Diagnostic(.warning, "printed translation column of 1Q99 does not foot for 'operating_income'", at: at)
        let earlier = Diagnostic(.error, "unknown line 'revenue'", at: SourceLocation(file: "Content/statements/income_statement.yaml", line: 3, column: 1))
        XCTAssertEqual([footing, earlier, footing].sortedForReport(), [earlier, footing])
    }
}
