//! Rules across files: neighbouring partnerships describe the same shared groups, child death
//! review partners and organisations, each in its own document. When masa checks several files
//! together, these rules compare the descriptions.
//!
//! Who owns a definition:
//! - a group a file declares with `partnership = "<other partnership id>"` is that partnership's
//!   group, described second-hand: the owner's own file (the one whose `partnership.id` is that
//!   id) is the reference it is checked against;
//! - a `scope = "pan_area"` group belongs to no one partnership: where the descriptions differ,
//!   the version most files give is the reference (ties go to the first file in path order),
//!   and each file that says otherwise is told where the others are;
//! - an organisation id shared across files must carry the same name and kind everywhere.
//!
//! Each file keeps saying what its own published document says: these rules compare, they do not
//! merge. Only the latest document of each partnership takes part, and none marked
//! `superseded_by` (a partnership's old terms of reference are not compared with its neighbours'
//! current arrangements). Every rule
//! groups descriptions by id in one pass, so the cost is linear in the number of files.

mod compare;
mod facts;
mod rules;
mod set;

pub use facts::{CdrFact, Chair, Facts, GroupFact, OrgFact};
pub(crate) use rules::RULES;
pub use set::{DocumentSet, SetFinding, latest_per_partnership, neighbourhoods};

#[cfg(test)]
mod tests {
    use super::rules::*;
    use super::*;
    use crate::rules::Rule;

    fn facts(text: &str) -> Facts {
        let (model, _) = crate::parse_model(text).expect("valid test document");
        Facts::of(&model)
    }

    const HEAD: &str = "schema_version = 1\n[partnership]\nname = \"NAME\"\n";

    fn doc(name: &str, id: &str, rest: &str) -> String {
        format!("{}id = \"{id}\"\n{rest}", HEAD.replace("NAME", name))
    }

    fn run(rule: &dyn Rule, docs: &[String]) -> Vec<SetFinding> {
        let all: Vec<Facts> = docs.iter().map(|d| facts(d)).collect();
        let paths = ["a.toml", "b.toml", "c.toml"];
        let set = DocumentSet::new(all.iter().enumerate().map(|(i, f)| (paths[i], f)).collect());
        let mut out = Vec::new();
        rule.check_set(&set, &mut out);
        out
    }

    const NEGLECT: &str =
        "[[groups]]\nid = \"neglect\"\nname = \"Pan Area Neglect Group\"\nscope = \"pan_area\"\n";

    #[test]
    fn a_shared_group_is_checked_against_what_most_files_say() {
        let a = doc("A", "a", &format!("{NEGLECT}meetings_per_year = 4\n"));
        let b = doc("B", "b", &format!("{NEGLECT}meetings_per_year = 4\n"));
        let c = doc("C", "c", &format!("{NEGLECT}meetings_per_year = 6\n"));
        let found = run(&CrossPartnershipConsistency, &[a.clone(), b.clone(), c]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].file, 2);
        assert!(
            found[0]
                .diagnostic
                .message
                .contains("6 meetings a year here, but 4 meetings a year in a.toml")
        );
        assert_eq!(found[0].related[0].0, 0);
        // Agreeing files, and names that differ only in form, give nothing.
        let b2 = doc(
            "B",
            "b",
            "[[groups]]\nid = \"neglect\"\nname = \"Pan Area Neglect Group.\"\nscope = \"pan_area\"\nmeetings_per_year = 4\n",
        );
        assert!(run(&CrossPartnershipConsistency, &[a, b, b2]).is_empty());
    }

    #[test]
    fn another_partnerships_group_is_checked_against_its_own_file() {
        let owner = doc(
            "B Partnership",
            "b-scp",
            "[[roles]]\nid = \"scrutineer\"\ntitle = \"Independent Scrutineer\"\n[[groups]]\nid = \"b-case-review\"\nname = \"B Case Review Group\"\nchair = \"scrutineer\"\n",
        );
        let describer = doc(
            "A Partnership",
            "a-scp",
            "[[organisations]]\nid = \"b-scp\"\nname = \"B Partnership\"\nkind = \"safeguarding_partnership\"\n[[roles]]\nid = \"dcs\"\ntitle = \"DCS\"\n[[groups]]\nid = \"b-case-review\"\nname = \"Case Review Group\"\npartnership = \"b-scp\"\nchair = \"dcs\"\n",
        );
        let found = run(
            &CrossPartnershipConsistency,
            &[describer.clone(), owner.clone()],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].file, 0,
            "the describing file is told, not the owner"
        );
        assert!(
            found[0].diagnostic.message.contains(
                "\"DCS\" here, but \"Independent Scrutineer\" in b.toml (its own arrangements)"
            ),
            "{}",
            found[0].diagnostic.message
        );
        // "the LSP" in one document is the post the owner's file names as its lead partner.
        let owner_lsp = doc(
            "B Partnership",
            "b-scp",
            "[[organisations]]\nid = \"b-council\"\nname = \"B Council\"\nkind = \"local_authority\"\n[[roles]]\nid = \"ceo\"\ntitle = \"Chief Executive of B Council\"\nname = \"A. Person\"\norganisation = \"b-council\"\n[[partners]]\norganisation = \"b-council\"\nlead = \"ceo\"\n[[groups]]\nid = \"b-case-review\"\nname = \"B Case Review Group\"\nchair = \"ceo\"\n",
        );
        let says_lsp = describer.replace("title = \"DCS\"", "title = \"LSP\"");
        assert!(
            run(
                &CrossPartnershipConsistency,
                &[says_lsp.clone(), owner_lsp.clone()]
            )
            .is_empty()
        );
        let says_dsp = describer.replace("title = \"DCS\"", "title = \"DSPs\"");
        assert_eq!(
            run(&CrossPartnershipConsistency, &[says_dsp, owner_lsp]).len(),
            1
        );
        // The group missing from the owner's file is the other rule's finding.
        let empty_owner = doc("B Partnership", "b-scp", "");
        let found = run(&CrossGroupOwnerDefines, &[describer.clone(), empty_owner]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .diagnostic
                .message
                .contains("b.toml has no group `b-case-review`")
        );
        assert!(run(&CrossGroupOwnerDefines, &[describer, owner]).is_empty());
    }

    #[test]
    fn child_death_review_partners_agree_per_panel() {
        let orgs = "[[organisations]]\nid = \"x\"\nname = \"X Council\"\nkind = \"local_authority\"\n[[organisations]]\nid = \"y\"\nname = \"Y Council\"\nkind = \"local_authority\"\n[[organisations]]\nid = \"cdop\"\nname = \"Joint CDOP\"\nkind = \"child_death_overview_panel\"\n";
        let both = doc(
            "A",
            "a",
            &format!("{orgs}[child_death_review]\npartners = [\"x\", \"y\"]\npanel = \"cdop\"\n"),
        );
        let one = doc(
            "B",
            "b",
            &format!("{orgs}[child_death_review]\npartners = [\"x\"]\npanel = \"cdop\"\n"),
        );
        let found = run(&CrossCdrPartnersAgree, &[both.clone(), both.clone(), one]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, 2);
        assert!(run(&CrossCdrPartnersAgree, &[both.clone(), both]).is_empty());
    }

    #[test]
    fn shared_organisation_ids_carry_one_name_and_kind() {
        let org = |name: &str, kind: &str| {
            format!("[[organisations]]\nid = \"trust\"\nname = \"{name}\"\nkind = \"{kind}\"\n")
        };
        let a = doc(
            "A",
            "a",
            &org(
                "Beds Hospitals NHS Foundation Trust",
                "nhs_foundation_trust",
            ),
        );
        let b = doc(
            "B",
            "b",
            &org("Beds Hospitals University Trust", "nhs_trust"),
        );
        let found = run(&CrossOrganisationConsistent, &[a.clone(), b]);
        assert_eq!(found.len(), 2, "name and kind: {found:#?}");
        let same = doc(
            "B",
            "b",
            &org(
                "beds hospitals NHS foundation trust",
                "nhs_foundation_trust",
            ),
        );
        assert!(run(&CrossOrganisationConsistent, &[a, same]).is_empty());
    }

    #[test]
    fn unrelated_areas_are_not_compared() {
        let a = facts(&doc("A", "a", NEGLECT));
        let b = facts(&doc("B", "b", NEGLECT));
        let far = facts(&doc("Far", "far", ""));
        let files = [("a.toml", &a), ("far.toml", &far), ("b.toml", &b)];
        assert_eq!(neighbourhoods(&files), vec![vec![0, 2]]);
    }

    #[test]
    fn a_partnership_is_found_by_its_other_names() {
        let own = facts(&format!(
            "{}also_called = [\"ESCP\"]\n",
            HEAD.replace("NAME", "Example Safeguarding Children Partnership")
        ));
        let other = facts(&doc("B", "b", ""));
        let set = DocumentSet::new(vec![("a.toml", &own), ("b.toml", &other)]);
        assert_eq!(set.owner_file("unknown-id", Some("ESCP")), Some(0));
        assert_eq!(
            set.owner_file(
                "unknown-id",
                Some("Example Safeguarding Children Partnership")
            ),
            Some(0)
        );
        assert_eq!(set.owner_file("unknown-id", Some("Nowhere")), None);
    }

    #[test]
    fn only_the_latest_document_of_a_partnership_takes_part() {
        let old = facts(&format!(
            "{}published = 2018-09-01\n",
            doc("A Board", "a", "")
        ));
        let new = facts(&format!(
            "{}published = 2024-09-01\n",
            doc("A Partnership", "a", "")
        ));
        let other = facts(&doc("B", "b", ""));
        let files = [("old.toml", &old), ("new.toml", &new), ("b.toml", &other)];
        assert_eq!(latest_per_partnership(&files), vec![1, 2]);
        // A document marked as superseded never takes part, whatever its date.
        let marked = facts(&format!(
            "{}published = 2025-01-01\nsuperseded_by = \"new.toml\"\n",
            doc("A Partnership", "a", "")
        ));
        let files = [("marked.toml", &marked), ("new.toml", &new)];
        assert_eq!(latest_per_partnership(&files), vec![1]);
        // A web page beside the arrangements never displaces them, even when it is later (or
        // undated and later in path order); alone, it takes part.
        let page = facts(&format!(
            "{}published = 2026-01-01\ndocument = \"web_page\"\n",
            doc("A Partnership", "a", "")
        ));
        let undated_page = facts(&format!(
            "{}document = \"web_page\"\n",
            doc("A Partnership", "a", "")
        ));
        let undated = facts(&doc("A Partnership", "a", ""));
        let files = [("new.toml", &new), ("z-page.toml", &page)];
        assert_eq!(latest_per_partnership(&files), vec![0]);
        let files = [("a.toml", &undated), ("z-page.toml", &undated_page)];
        assert_eq!(latest_per_partnership(&files), vec![0]);
        let files = [("z-page.toml", &page), ("b.toml", &other)];
        assert_eq!(latest_per_partnership(&files), vec![0, 1]);
    }

    #[test]
    fn a_shared_group_left_out_is_reported_and_one_under_another_id_is_not() {
        let voice = |id: &str, name: &str| {
            format!("[[groups]]\nid = \"{id}\"\nname = \"{name}\"\nscope = \"pan_area\"\n")
        };
        let vc = voice("pan-voc", "Pan Dale Voice of the Child Group");
        let north = doc("North", "north", &format!("{NEGLECT}{vc}"));
        let south = doc("South", "south", &format!("{NEGLECT}{vc}"));
        let east_without = doc("East", "east", NEGLECT);
        let found = run(
            &CrossSharedGroupMissing,
            &[north.clone(), south.clone(), east_without],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].file, 2);
        assert!(
            found[0]
                .diagnostic
                .message
                .contains("Pan Dale Voice of the Child Group")
        );
        // The same group under the east's own id, by its name: not left out.
        let east_other_id = doc(
            "East",
            "east",
            &format!(
                "{NEGLECT}{}",
                voice("voice-of-the-child", "Pan Dale Voice of the Child")
            ),
        );
        assert!(run(&CrossSharedGroupMissing, &[north, south, east_other_id]).is_empty());
    }
}
