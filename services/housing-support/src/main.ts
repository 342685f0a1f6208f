import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '@asw/subgraph';
import { housingSupportSubgraph } from './housing-support.subgraph';

runSubgraph(housingSupportSubgraph);
