// GENERATED from Resources/help/*.md by Tests/OIDCWizardCoreTests/Teaching/EmbeddedHelpTests.swift.
// Do not edit by hand: change the Markdown, then run `RECORD_GOLDEN=1 swift test --filter EmbeddedHelp`.

/// The help texts compiled into the binary, so `?`/F1 works without any file next to it.
enum EmbeddedHelp {
    /// `(topic id, Markdown text)`, sorted by id.
    static let sources: [(id: String, markdown: String)] = [
        ("account-id", ##"""
# Account id
The 12-digit id of the AWS account that holds the role and the OIDC provider.

It appears in the provider ARN and the role ARN. Leading zeros count: it is always exactly 12 digits.

Find it with the AWS CLI, signed in to that account:

    aws sts get-caller-identity --query Account --output text

Why it matters: the workflow's `role-to-assume` ARN and the policy's provider ARN must name the same account, where the provider actually exists.

If unsure: run the command above in the account you want to deploy to.

See also: role-name, partition
"""##),
        ("any-context", ##"""
# Any context
Trusting every branch, tag, pull request and environment of a repository: `repo:<owner>/<repo>:*`.

This is an explicit opt-in. With it, any run of the repository gets the role: any branch anyone pushes, any tag, any pull request from a branch of the repository, any environment.

Why it matters: it is the broadest trust that still names the repository. For a role that can deploy or change infrastructure, it means anyone with push access is effectively an admin of the AWS account. The wizard reports it as medium, high for a deploy role.

    repo:acme/app:*

If unsure: leave it off and list the branches, tags or environments you deploy from.

See also: branches, environments, wildcards
"""##),
        ("audience", ##"""
# Audience (aud)
Whom the token is meant for; for AWS it must be the STS audience the provider accepts.

configure-aws-credentials asks GitHub for a token with audience `sts.amazonaws.com`, or `sts.amazonaws.com.cn` in the China partition. The IAM OIDC provider's client-id list must contain it, and the policy should test it with StringEquals.

Why it matters: without an `aud` condition, a token GitHub minted for some other service could be replayed to AWS. A wrong value means the role never works; GitHub's own default audience (without the action) is the owner URL `https://github.com/<owner>`, which you should not trust here.

    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"

If unsure: leave the default; the wizard picks it from the region's partition.

See also: partition, region, trust-policy
"""##),
        ("branches", ##"""
# Branches
Branches whose runs may assume the role; exact names or globs such as `release/*`.

A branch run sends `repo:<owner>/<repo>:ref:refs/heads/<branch>`. That covers push, workflow_dispatch and schedule, and also `pull_request_target`, `workflow_run` and `issue_comment`: these run on the base branch, so they send the same subject as a push to it. Trusting `main` trusts them too, so make sure such workflows never run untrusted code with the role.

Globs use StringLike, where `*` matches anything, including `/`:
- `release/*` matches `release/1.0` and `release/a/b`.
- `main*` also matches `main-evil`, a branch any pusher can create.
- `*` lets every branch in, so anyone who can push a branch gets the role.

    repo:acme/app:ref:refs/heads/main
    repo:acme/app:ref:refs/heads/release/*

Branch names follow git's rules: no spaces, no `~ ^ : ? * [ \`, no `..`, no leading `-`.

If unsure: `main` only. Protect the branch on GitHub so not everyone can push to it.

See also: tags, environments, wildcards, subject
"""##),
        ("enterprise-server-host", ##"""
# Enterprise Server host
The host name of your own GitHub Enterprise Server (GHES) installation.

A GHES instance issues Actions tokens itself, from `https://<host>/_services/token`. The IAM OIDC provider must use that URL, and every condition key starts with `<host>/_services/token`.

Why it matters: AWS must be able to reach the issuer over the internet to fetch its signing keys, so the GHES instance must expose `/_services/token` publicly. Immutable subjects (owner and repository ids) do not exist on GHES.

    host    github.acme.example
    issuer  https://github.acme.example/_services/token
    key     github.acme.example/_services/token:sub

If unsure: the host is what you type in the browser to open your GHES, without `https://` and without a path.

See also: github-flavor, immutable-ids
"""##),
        ("enterprise-slug", ##"""
# Enterprise slug
The short name of your GitHub Enterprise Cloud enterprise, used when the enterprise has a unique token issuer.

When an enterprise owner turns on the unique issuer setting (`include_enterprise_slug`), tokens of every repository in the enterprise come from an issuer that ends with the enterprise's slug. The slug is the part of the enterprise URL after `/enterprises/`.

Why it matters: with the unique issuer, only repositories of your enterprise can ever get a token from that issuer, which closes the door on every other GitHub user at the provider level. But the provider URL and every condition key change, so the policy must use the slug exactly.

    https://github.com/enterprises/acme-corp   ->  slug acme-corp
    issuer  https://token.actions.githubusercontent.com/acme-corp
    key     token.actions.githubusercontent.com/acme-corp:sub

If unsure: leave it empty and choose github.com. A wrong slug means the role never works.

See also: github-flavor
"""##),
        ("environments", ##"""
# Environments
GitHub deployment environments (e.g. `prod`) whose jobs may assume the role.

When a job names `environment: prod`, its `sub` is `repo:<owner>/<repo>:environment:prod`, whatever branch or event triggered it: the environment takes precedence over the ref and over pull_request.

Why it matters: an environment is only a safe gate if it has protection rules on GitHub: required reviewers, and deployment branch rules that allow only your release branches. Without them, any workflow in the repository, from any branch, can name `environment: prod` and get the role.

    jobs:
      deploy:
        environment: prod

Set the rules in the repository: Settings > Environments > prod.

If unsure: for a production role, trust one environment with required reviewers and a deployment branch rule for `main`.

See also: subject, branches
"""##),
        ("extra-claims", ##"""
# Extra claims
Further token claims the policy can test besides `sub` and `aud`, checked by AWS STS since 2026.

Since 2026 (announced 2026-01) IAM can test these GitHub claims as condition keys `<prefix>:<claim>`. They are checked when the role is assumed and are not visible in the session afterwards.
- `job_workflow_ref`: the reusable workflow that runs the job, e.g. `acme/ci/.github/workflows/deploy.yml@refs/heads/main`. The strongest extra fence: only your vetted deploy workflow may get the role, whatever calls it.
- `repository_id`: the repository's numeric id; survives renames, defeats name recycling.
- `repository`: `owner/repo`, without the context.
- `environment`: the environment name.
- `ref`: `refs/heads/main`, `refs/tags/v1`.
- `actor`, `actor_id`: who triggered the run; brittle, people change.
- `workflow`: the workflow's name, which anyone editing the file can change.
- `enterprise_id`: your enterprise's id.

Any other claim (`repository_owner`, `event_name`, ...) is absent from the request: under StringEquals it never matches, under a negated or ForAllValues operator it is always true.

    "token.actions.githubusercontent.com:job_workflow_ref":
      "acme/ci/.github/workflows/deploy.yml@refs/heads/main"

If unsure: none. Add `job_workflow_ref` when deployments go through a shared reusable workflow.

See also: subject, subject-template
"""##),
        ("findings", ##"""
# Findings
What the analysis found in the policy: a severity, a kind, a one-line message, why it matters and how to fix it.

Severity words, worst first:
- CRITICAL: any GitHub user anywhere can assume the role.
- HIGH: far more workflows than you meant, or anyone who can push a branch; also every broken finding.
- MEDIUM: broader than needed, or fragile.
- LOW: hygiene.
- INFO: something to know, such as the branches that share `main`'s subject.

Kinds:
- security: someone you did not mean can get in.
- broken: the role can never be assumed the way you meant, or AWS will refuse the policy.
- hygiene: works and is safe today, but invites mistakes.

Every statement and every value is judged, not just the first one. Open a finding to read its why and fix; where the fix can be derived, the wizard offers to apply it.

    CRITICAL  security  sub matches every repository on GitHub

If unsure: fix everything at HIGH and above before writing the files.

See also: scenarios, trust-policy
"""##),
        ("ghe-subdomain", ##"""
# GHE.com subdomain
The subdomain of your GitHub Enterprise Cloud with data residency, the part before `.ghe.com`.

Enterprises on GHE.com live at `https://<subdomain>.ghe.com`. Their Actions tokens come from `https://token.actions.<subdomain>.ghe.com`, and that is also the prefix of every condition key.

Why it matters: a policy written for github.com's issuer never matches a GHE.com token; the keys would be absent from the request.

    https://octocorp.ghe.com     ->  subdomain octocorp
    issuer  https://token.actions.octocorp.ghe.com
    key     token.actions.octocorp.ghe.com:sub

If unsure: look at the address you use to open GitHub in the browser. If it ends in `.ghe.com`, you are on GHE.com; otherwise choose another flavour.

See also: github-flavor
"""##),
        ("github-flavor", ##"""
# GitHub flavour
Which GitHub issues your workflow's token: github.com, Enterprise Cloud with a unique issuer, GHE.com, or Enterprise Server.

The flavour fixes three things: the issuer URL of the token, the prefix of every condition key (`<prefix>:sub`), and the ARN of the IAM OIDC provider.

- github.com: issuer `https://token.actions.githubusercontent.com`
- Enterprise Cloud with a unique issuer: `https://token.actions.githubusercontent.com/<enterprise-slug>`
- GHE.com (data residency): `https://token.actions.<subdomain>.ghe.com`
- Enterprise Server: `https://<host>/_services/token`

Why it matters: a key with the wrong prefix is simply absent from the request. Under StringEquals it never matches (the role never works); under a negated operator it is always true (the condition does nothing).

    token.actions.githubusercontent.com:sub

If unsure: github.com. Choose Enterprise Cloud only if your enterprise turned on the unique issuer (`include_enterprise_slug`); your enterprise admin can tell you.

See also: enterprise-slug, ghe-subdomain, enterprise-server-host
"""##),
        ("immutable-ids", ##"""
# Immutable ids
The numeric ids of the owner and repository, which GitHub puts in the subject since 2026 so a recycled name cannot match.

Since the GitHub changelog of 2026-04-23 a subject can carry ids: `repo:<owner>@<owner_id>/<repo>@<repo_id>:<context>`. It is the default for repositories created, renamed or transferred on or after 2026-07-15. Older repositories keep the name-only form unless an admin opts in, at organization or repository level. Not available on Enterprise Server.

Why it matters: when an owner or repository is deleted or renamed, someone else can register the old name ("name recycling") and its workflows would match a name-only policy. Ids are never reused. A repository emits one form, never both: a policy written for the other form never matches, so check which one yours sends.

Find the ids and the form your repository uses:

    gh api repos/OWNER/REPO --jq '.owner.id, .id'
    gh api repos/OWNER/REPO/actions/oidc/customization/sub

The second call reports `use_immutable_subject` and `sub_claim_prefix`.

    repo:acme@1234567/app@89012345:ref:refs/heads/main

If unsure: run both commands. If `use_immutable_subject` is true, give the ids; if false, leave them empty.

See also: subject, repository
"""##),
        ("keys", ##"""
# Keys
The wizard's keyboard.

- Tab, Shift-Tab: next, previous field; past the last field of a step, on to the next step.
- Enter: next field; in a list, add what you typed; on the write step, write the files.
- Up, Down: move in lists (select an entry to edit it with Enter or remove it with Delete) and in region suggestions.
- Left, Right or Space: change a choice or a switch.
- Esc: close help or a question, else back one step; nothing you typed is lost. On the first step it quits.
- ? or F1: help for the focused field. In fields where ? is a wildcard (owner, repositories, branches, tags, claims) ? is typed and F1 opens help.
- In help: Tab and Shift-Tab select a topic named under "See also", Enter opens it, Backspace (or Left, or b) goes back to the topic before; Esc closes help.
- F2, F3, F4 (or Ctrl-T): show the policy, the findings, or who can get in; PgUp and PgDn scroll it.
- Ctrl-N, Ctrl-P: expand the next or previous finding with its why and fix; Ctrl-G applies the fix to your setup.
- Ctrl-S: jump to the write step.
- Ctrl-C: quit; asks y/n first if nothing was written yet.

The policy preview, the findings and the scenario table update on every keystroke. The screen needs at least 80x24; from 120 columns all three panels are shown beside the form.

    Tab  Tab  F1    read about the field you are on

If unsure: press F1 on any field.

See also: output-directory, findings
"""##),
        ("oidc", ##"""
# OIDC trust
How a GitHub Actions job gets short-lived AWS credentials without any stored AWS keys.

OIDC (OpenID Connect) lets GitHub vouch for a workflow run with a signed token, and lets AWS trade that token for temporary credentials. No access key ever sits in GitHub secrets, so there is nothing long-lived to leak.

The exchange, in three steps:
- The job has `permissions: id-token: write` and asks GitHub for a signed token (a JWT). The token carries claims such as `sub` (which repository and branch, tag, environment or pull request) and `aud` (who it is meant for).
- aws-actions/configure-aws-credentials (v6) sends the token to STS `AssumeRoleWithWebIdentity` together with the role to assume.
- STS checks the signature against the IAM OIDC provider in your account, then evaluates the role's trust policy against the token's claims. Only if the policy allows does the job get credentials (one hour by default).

Why it matters: the trust policy is the only thing that decides which workflows get in. A loose one can let any repository on GitHub into your account.

    permissions:
      id-token: write
      contents: read

If unsure: let the wizard write the policy and the workflow together, and read the findings before you write the files.

See also: trust-policy, subject, audience
"""##),
        ("output-directory", ##"""
# Output directory
Where the wizard writes the files, normally the root of your repository's checkout.

Two files are written into it:
- `trust-policy.json`: the role's trust policy.
- `.github/workflows/aws-oidc.yml`: a workflow you can commit as is.

Files are written atomically (a temporary file, then a rename). An existing file is never replaced without asking. Afterwards the wizard prints the AWS CLI commands that create the OIDC provider (if your account has none yet) and the role.

    oidc-wizard --out ~/src/app

If unsure: the current directory, `.`, when you started the wizard inside your repository.

See also: keys
"""##),
        ("owner", ##"""
# Owner
The GitHub user or organization that owns the repository, e.g. `acme` in `acme/app`.

Owner names are 1 to 39 characters of ASCII letters, digits and single hyphens, not starting or ending with a hyphen. The token's `sub` carries the owner's canonical capitalisation, and StringEquals compares case-sensitively, so type it exactly as GitHub shows it.

Why it matters: the owner is the first fence. A wildcard in it (`acme*`, `acm?`) lets anyone who registers a look-alike name such as `acme-evil` get in, and anyone can register a name on GitHub. A character that only looks like a Latin letter (a Cyrillic `a`) names a different owner.

    repo:acme/app:ref:refs/heads/main        good
    repo:acme*/app:ref:refs/heads/main       anyone can be acme-evil

If unsure: copy the owner from the repository's URL, `https://github.com/OWNER/REPO`. Never use a wildcard here.

See also: repository, immutable-ids, wildcards
"""##),
        ("partition", ##"""
# Partition
A separate copy of AWS with its own ARNs: `aws`, `aws-cn` (China), `aws-us-gov` (GovCloud), `aws-eusc` (European Sovereign Cloud).

The partition follows from the region and appears in every ARN: `arn:<partition>:iam::<account>:oidc-provider/...`. China also uses its own audience, `sts.amazonaws.com.cn`.

Why it matters: a policy that mixes partitions, such as an `arn:aws-cn` provider with the `sts.amazonaws.com` audience, can never be assumed. Isolated partitions (`aws-iso*`) have no GitHub-hosted access and are not supported.

    arn:aws-cn:iam::123456789012:role/github-deploy-app

If unsure: pick the region; the wizard derives the partition.

See also: region, audience
"""##),
        ("pull-requests", ##"""
# Pull requests
Whether jobs triggered by `pull_request` may assume the role.

A `pull_request` run sends `repo:<owner>/<repo>:pull_request`, with no branch in it: every pull request looks the same.

Why it matters: pull requests from public forks cannot get an id-token at all, but pull requests from branches of the repository can. So anyone who can push a branch can open a pull request whose code runs with the role, before any review. Give such a role read-only or plan-only permissions.

    repo:acme/app:pull_request

If unsure: do not trust pull requests, or trust them only on a separate, read-only role (for example one that runs `terraform plan`).

See also: branches, subject
"""##),
        ("region", ##"""
# Region
The AWS region the workflow talks to; it also decides the partition and the audience.

configure-aws-credentials needs `aws-region`. The wizard completes names from the current region list, e.g. `eu-central-1`, `us-east-1`, `cn-north-1`, `us-gov-west-1`, `eusc-de-east-1`.

Why it matters: regions belong to partitions. China (`cn-north-1`, `cn-northwest-1`) is the `aws-cn` partition, with ARNs `arn:aws-cn:...` and audience `sts.amazonaws.com.cn`. GovCloud (`us-gov-east-1`, `us-gov-west-1`) is `aws-us-gov`. A region the wizard does not know yet but that looks well-formed is accepted with a warning.

    aws-region: eu-central-1

If unsure: the region your other resources live in. `aws configure get region` shows your CLI's default.

See also: partition, audience
"""##),
        ("repository", ##"""
# Repository
The repository whose workflows may assume the role, written `owner/repo`; you can list more than one.

Repository names are 1 to 100 characters of ASCII letters, digits, `.`, `-` and `_`, and are never `.` or `..`. Each repository gets its own subject rules (branches, tags, environments, pull requests).

Why it matters: `repo:acme/*` trusts every repository of the organization, including ones created later and ones anybody in the org can create, with every branch, tag, pull request and environment. List the repositories that really deploy instead.

    --repo acme/app --repo acme/infra

For the immutable form, add the ids: `acme@1234567/app@89012345`.

If unsure: one repository, the one whose workflow you are writing now.

See also: owner, immutable-ids, subject
"""##),
        ("role-name", ##"""
# Role name
The name of the IAM role the workflow assumes.

IAM role names are 1 to 64 characters of letters, digits and `+ = , . @ _ -`. The workflow uses the role's ARN, `arn:<partition>:iam::<account>:role/<name>`.

Why it matters: one role per purpose keeps the blast radius small. A role for `terraform plan` on pull requests and a role for deploying from `main` should be two roles with two trust policies and two permission sets.

    github-deploy-app
    arn:aws:iam::123456789012:role/github-deploy-app

If unsure: `github-<purpose>-<repo>`, e.g. `github-deploy-app`.

See also: account-id, session-duration
"""##),
        ("saving-edits", ##"""
# Saving an edit
Where `oidc-wizard edit` saves the policy, and what else it can write.

Save to (CloudFormation templates in JSON only):
- `side file` (the default): the policy on its own in `<role>.trust-policy.json` next to the template, with the `aws iam update-assume-role-policy` command that applies it. The template is not touched. A provider the template names with `Ref` or `${AWS::AccountId}` cannot go into that file (IAM would refuse it): type the account id and region in step 3 first, or patch the template.
- `patch the template`: only the role's `AssumeRolePolicyDocument` is replaced, indented like the rest of the template; every other byte stays as it was. The template as it was is kept in `TEMPLATE.bak`. Values the template builds with `Ref`, `Fn::GetAtt` or `Fn::Sub` (the OIDC provider, `${AWS::AccountId}`, parameters) are written back as they were. When that cannot be done safely, the choice says why (a YAML template, `Fn::If`, an edit that would hard-code a parameter's default): save the side file instead.

Workflow: also write `.github/workflows/aws-oidc.yml` from the edited fields, exactly as `oidc-wizard generate` does, into the directory you choose (default: the current one). It needs the whole setup, including the region (`--region`, or type it in step 3). An existing workflow file is replaced only after you agree.

    oidc-wizard edit cfn.json --patch-template --workflow

If unsure: keep the side file and review it; patch the template when your stack is deployed from it.

See also: keys, output-directory
"""##),
        ("scenarios", ##"""
# Scenarios
The who-can-get-in table: concrete tokens, and whether the policy lets each one in.

For the subjects you meant and for an attacker's set, the exact IAM evaluator decides allowed or denied and names the statement and condition that decided. The attacker's set includes another owner with the same repository name, a look-alike owner (`acme-evil`), another repository of the same owner, an unlisted branch, a tag, a pull request, an arbitrary environment, a wrong audience, the other subject form, and a recycled name.

    allowed  push to main in acme/app
    denied   repo:evil/app   sub does not match
    denied   pull request    sub does not match

Why it matters: this table is the proof. A policy is right when every line you meant says allowed and every other line says denied.

If unsure: read the denied lines; each names the condition that keeps that caller out.

See also: findings, subject
"""##),
        ("session-duration", ##"""
# Session duration
How long the credentials the job receives stay valid, in seconds.

configure-aws-credentials accepts `role-duration-seconds` from 900 (15 minutes) to 43200 (12 hours); the default is 3600 (one hour). Durations over one hour also need the role's maximum session duration raised to at least that value.

Why it matters: shorter sessions limit what leaked credentials can do. Pick the shortest time your longest job needs.

    role-duration-seconds: 1800

If unsure: leave it empty for the one-hour default.

See also: role-name
"""##),
        ("subject", ##"""
# Subject (sub)
The token claim that says which repository and which context (branch, tag, environment, pull request) the job runs in.

GitHub builds the default `sub` with this precedence: environment first, then pull request, then the ref.

- job names an `environment:`   `repo:acme/app:environment:prod`
- a `pull_request` event        `repo:acme/app:pull_request`
- a branch                      `repo:acme/app:ref:refs/heads/main`
- a tag                         `repo:acme/app:ref:refs/tags/v1.2.0`

A `:` inside a value is sent as `%3A`. Repositories with immutable subjects send `repo:acme@1234567/app@89012345:...` instead.

Why it matters: `sub` is what separates your workflows from everyone else's. A policy must test it; without it (or with `repo:*`) any repository on GitHub can assume the role. All `sub` values of one statement belong under ONE operator: StringEquals plus StringLike on `sub` in one statement must both hold, and the role never works.

    "token.actions.githubusercontent.com:sub":
      "repo:acme/app:ref:refs/heads/main"

If unsure: let the wizard build it from your choices; when a job uses an environment, trust the environment, not the branch.

See also: branches, tags, environments, pull-requests, immutable-ids
"""##),
        ("subject-template", ##"""
# Subject template
A custom format for `sub`, set on GitHub with `include_claim_keys`, that puts other claims into the subject.

An organization or repository can change what `sub` contains:

    gh api -X PUT orgs/ORG/actions/oidc/customization/sub \
      --input - <<< '{"include_claim_keys":["repo","environment"]}'

A repository uses the org template only when it sets `use_default:false` without keys; it can also set its own keys. The sub becomes `key:value` pairs in the given order, `repo` standing for `repo:<owner>/<repo>`:

    repo:acme/app:environment:prod:job_workflow_ref:
      acme/ci/.github/workflows/deploy.yml@refs/heads/main

(one line in reality). The hazard: a template that does not start with `repo` (the owner/repo binding), such as `environment:prod`, lets workflows of other owners produce a matching sub. That is critical.

Why it matters: templates can bind more (the reusable workflow, the runner environment) into the one claim every policy tests, but the policy must follow the template exactly, and changing the template breaks existing roles.

If unsure: keep GitHub's default subject and use extra claims instead.

See also: subject, extra-claims
"""##),
        ("tags", ##"""
# Tags
Tags whose runs may assume the role, e.g. release tags `v*`.

A run on a tag sends `repo:<owner>/<repo>:ref:refs/tags/<tag>`. Globs use StringLike; `v*` matches `v1.2.0` but also `vanity`.

Why it matters: by default anyone who can push to the repository can push a tag. Trust tags only for release workflows, and protect the tag pattern with a tag ruleset on GitHub so only release managers can create them.

    repo:acme/app:ref:refs/tags/v*

If unsure: no tags. Deploy from a branch or an environment instead.

See also: branches, wildcards, subject
"""##),
        ("trust-policy", ##"""
# Trust policy
The JSON document on an IAM role that says who may assume it; for OIDC it names GitHub's provider and tests the token's claims.

A trust policy has one or more statements. For GitHub each Allow statement names the IAM OIDC provider as its `Federated` principal, the action `sts:AssumeRoleWithWebIdentity`, and conditions on the token's claims, above all `sub` (who) and `aud` (for whom).

Why it matters: statements OR together, so one loose statement opens the role even if the others are tight. Inside a Condition, operators AND together, keys AND together, and the values of one key OR together. An explicit Deny always wins.

    "Condition": {
      "StringEquals": {
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub":
          "repo:acme/app:ref:refs/heads/main"
      }
    }

AWS now refuses to create a GitHub trust policy that does not test `sub` or `job_workflow_ref` with StringEquals, StringLike or StringEqualsIgnoreCase, but it accepts `repo:*`, so passing AWS's check does not mean the policy is safe.

If unsure: one statement, `aud` and `sub` under StringEquals, exact values only.

See also: subject, audience, wildcards, findings
"""##),
        ("wildcards", ##"""
# Wildcards
`*` and `?` in condition values, and why the operator decides what they mean.

- StringEquals compares exactly; `*` is taken literally, so a value with `*` under StringEquals never matches.
- StringLike treats `*` as any run of characters, also empty and also `/` and `:`, and `?` as exactly one character.

Because `*` crosses `/` and `:`, `repo:acme*` matches `repo:acme-evil/anything`, and `repo:acme/app:*` matches every branch, tag, pull request and environment of the repository.

    StringEquals  repo:acme/app:ref:refs/heads/*   never matches
    StringLike    repo:acme/app:ref:refs/heads/*   any branch
    StringLike    repo:acme/app:ref:refs/heads/release/*

Why it matters: each wildcard lets in names you did not type, often names that anyone can create.

If unsure: no wildcards. Put a wildcard only at the end of a branch or tag pattern that follows a `/`, never in the owner or repository.

See also: branches, owner, trust-policy
"""##),
    ]
}
