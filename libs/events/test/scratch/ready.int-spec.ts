import { startSubgraph } from '@asw/testing';
import { caseSubgraph } from '../../../../services/case/src/case.subgraph';
it('ready', async () => {
  const service = await startSubgraph(caseSubgraph);
  try {
    const response = await fetch(service.url.replace('/graphql', '/health/ready'));
    console.log(response.status, JSON.stringify(await response.json()));
    const metrics = await fetch(service.url.replace('/graphql', '/metrics'));
    console.log(metrics.status, metrics.headers.get('content-type'), await metrics.text());
  } finally { await service.close(); }
});
