import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '@asw/subgraph';
import { caseSubgraph } from './case.subgraph';

runSubgraph(caseSubgraph);
