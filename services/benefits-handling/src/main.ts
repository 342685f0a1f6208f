import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '@asw/subgraph';
import { benefitsHandlingSubgraph } from './benefits-handling.subgraph';

runSubgraph(benefitsHandlingSubgraph);
