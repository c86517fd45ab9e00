import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHECKLIST, checklistItems } from '../src/checklist/model.js'
import { checklistStatus } from '../src/checklist/state.js'
import { renderChecklist, ITEM_MARKER_PREFIX } from '../src/report/checklist.js'
import { REPO_ROOT } from '../test/fixtures.js'
import { allChecksPass, reportWith } from '../test/reports.js'

describe('the checklist model', () => {
  it('has one item per top-level bullet of each group of the seed checklist', () => {
    // The seed lists items as "  • text" (two-space indent); deeper bullets are sub-points of an item.
    const seed = readFileSync(join(REPO_ROOT, 'docs', 'pre-deployment-checklist.md'), 'utf8')
    const count = (from: string, to: string): number => {
      const start = seed.indexOf(from)
      const end = seed.indexOf(to, start + from.length)
      expect(start).toBeGreaterThan(-1)
      return seed
        .slice(start, end)
        .split('\n')
        .filter(line => line.startsWith('  • ')).length
    }
    const groups = Object.fromEntries(CHECKLIST.flatMap(s => s.groups.map(g => [g.title, g.items.length])))
    expect(groups['Communication & Scheduling']).toBe(
      count('Communication & Scheduling', 'Change Documentation')
    )
    expect(groups['Change Documentation']).toBe(count('Change Documentation', 'Code Review'))
    expect(groups['Code Review & Validation']).toBe(count('Code Review & Validation', '4 Hours Before'))
    expect(groups['Staging Environment']).toBe(count('Staging Environment', 'Production Environment'))
    expect(groups['Production Environment (if applicable)']).toBe(
      count('Production Environment', 'Health Baseline')
    )
    expect(groups['Health Baseline']).toBe(count('Health Baseline', 'Infrastructure Check'))
    expect(groups['Infrastructure Check']).toBe(count('Infrastructure Check', '2 Hours Before'))
    expect(groups['Artifact Preparation']).toBe(count('Artifact Preparation', 'Test in Staging'))
    expect(groups['Test in Staging']).toBe(count('Test in Staging', 'Rollback Plan Verification'))
    expect(groups['Rollback Plan Verification']).toBe(count('Rollback Plan Verification', '1 Hour Before'))
    expect(groups['Final Checks']).toBe(count('Final Checks', 'Communication Setup'))
    expect(groups['Communication Setup']).toBe(count('Communication Setup', 'Access Verification'))
    expect(groups['Access Verification']).toBe(count('Access Verification', '15 Minutes Before'))
    expect(groups['Final Go/No-Go Decision — proceed if']).toBe(count('Proceed IF:', 'RESCHEDULE IF:'))
    expect(groups['Final Notifications']).toBe(count('Final Notifications', 'Terminal Setup'))
    expect(groups['Terminal Setup']).toBe(count('Terminal Setup', 'Success Criteria Verification'))
    expect(groups['What "success" looks like for this deployment']).toBe(
      count('Success Criteria Verification', 'Team Roles During Deployment')
    )
    expect(groups['After deployment completes, record']).toBe(
      count('Post-Deployment Documentation', 'Sign-Off')
    )
  })

  it('gives every item a unique, stable-looking key', () => {
    const ids = checklistItems().map(i => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/)
  })

  it('marks "if applicable" items optional', () => {
    const optional = checklistItems()
      .filter(i => i.optional)
      .map(i => i.key)
    expect(optional).toEqual(
      expect.arrayContaining(['production-capacity', 'staging-smoke-tests', 'docker-access'])
    )
    expect(optional).not.toContain('configmap-backup')
  })
})

describe('rendering the checklist', () => {
  it('never renders a manual item ticked, even when every check passed', () => {
    const markdown = renderChecklist(checklistStatus(reportWith(allChecksPass())))
    const manual = checklistItems().filter(i => !i.automated)
    expect(manual.length).toBeGreaterThan(20)
    for (const item of manual) {
      const line = markdown.split('\n').find(l => l.includes(`${ITEM_MARKER_PREFIX}${item.id} `))
      expect(line).toMatch(/^- \[ \] /)
    }
  })

  it('ticks automated items whose checks passed and carries each key in an HTML comment', () => {
    const markdown = renderChecklist(checklistStatus(reportWith(allChecksPass())))
    for (const item of checklistItems().filter(i => i.automated)) {
      expect(markdown).toMatch(
        new RegExp(
          `^- \\[x\\] .*<!-- ${ITEM_MARKER_PREFIX}${item.id.replace('.', '\\.')} ticked-by=preflight -->$`,
          'm'
        )
      )
    }
  })

  it('leaves a failed item unticked with ❌ and the reason', () => {
    const markdown = renderChecklist(
      checklistStatus(reportWith({ 'bundle-files': 'fail', 'bundle-unpack': 'pass' }, 'no-go'))
    )
    const line = markdown.split('\n').find(l => l.includes('verify-artifact-contents'))
    expect(line).toMatch(/^- \[ \] 🤖 Verify artifact contents.* — ❌ bundle-files said fail/)
  })

  it('leaves an automated item that nothing in this setup checks to people, without a "not checked" note', () => {
    const markdown = renderChecklist(checklistStatus(reportWith({ 'bundle-files': 'pass' })))
    const line = markdown.split('\n').find(l => l.includes('t-2h.server-dry-run'))
    expect(line).toMatch(/^- \[ \] 👤 Perform dry-run deployment to staging cluster: `kubectl apply/)
    expect(markdown).not.toMatch(/not checked by this run/)
  })

  it('escapes text from the bundle so it cannot inject markup or fake item markers', () => {
    const report = reportWith({ 'bundle-files': 'fail' }, 'no-go')
    report.results[0].message = 'missing <!-- vapora-preflight:item=t-2h.fake --> <img src=x>'
    const markdown = renderChecklist(checklistStatus(report))
    expect(markdown).not.toContain('<img')
    expect(markdown.match(/<!-- vapora-preflight:item=t-2h\.fake/g)).toBeNull()
  })
})
