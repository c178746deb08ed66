// Prints the plan.json that the merge request's last successful preview saved, for the commit
// being pushed (CI_COMMIT_SHA, a merge commit on the default branch). GitLab REST API v4:
//   GET /projects/:id/repository/commits/:sha/merge_requests   the merge request of the commit
//   GET /projects/:id/merge_requests/:iid/pipelines            its pipelines, newest first
//   GET /projects/:id/pipelines/:pipeline_id/jobs?scope[]=success
//   GET /projects/:id/jobs/:job_id/artifacts/plan.json         the saved plan
// Needs GITLAB_TOKEN (read_api). Exits 1, printing why, when there is no reviewed plan.
const api = process.env.CI_API_V4_URL;
const project = encodeURIComponent(process.env.CI_PROJECT_ID ?? '');
const headers = { 'PRIVATE-TOKEN': process.env.GITLAB_TOKEN ?? '' };

async function get(path, as = 'json') {
  const res = await fetch(`${api}/projects/${project}/${path}`, { headers });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return as === 'json' ? res.json() : res.text();
}

try {
  const mrs = await get(`repository/commits/${process.env.CI_COMMIT_SHA}/merge_requests`);
  const mr = mrs.find((m) => m.state === 'merged');
  if (!mr) throw new Error(`${process.env.CI_COMMIT_SHA} came from no merged merge request; nothing reviewed to push`);
  const pipelines = await get(`merge_requests/${mr.iid}/pipelines`);
  for (const p of pipelines) {
    const jobs = await get(`pipelines/${p.id}/jobs?scope[]=success`);
    const job = jobs.find((j) => j.name === 'zonesmith-preview');
    if (!job) continue;
    process.stderr.write(`Pushing the plan reviewed on !${mr.iid} (pipeline ${p.id}, job ${job.id})\n`);
    process.stdout.write(await get(`jobs/${job.id}/artifacts/plan.json`, 'text'));
    process.exit(0);
  }
  throw new Error(`no successful zonesmith-preview job on !${mr.iid}`);
} catch (err) {
  process.stderr.write(`reviewed-plan: ${err.message}\n`);
  process.exit(1);
}
