import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '@asw/subgraph';
import { groupActivitySubgraph } from './group-activity.subgraph';

runSubgraph(groupActivitySubgraph);
