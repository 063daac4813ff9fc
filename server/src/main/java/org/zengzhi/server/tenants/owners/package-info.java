/**
 * Cluster mode of the deployment (issue 21 deliver 2, docs/cluster.md "Server nodes: ownership and redirects"):
 * server nodes share one deployment; each tenant is served by the one node the Kafka consumer group gives its
 * partition to; a dead node's tenants are taken over; requests reaching another node are redirected.
 */
package org.zengzhi.server.tenants.owners;
